using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Cli.Output;

/// <summary>
/// The <c>--json</c> documents, serialized by source generation: the CLI is published trimmed, where reflection-based
/// serialization is off. Null fields are written, so every document of a kind has the same fields. Write them
/// through <see cref="CliJson"/>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ModelsDocument))]
[JsonSerializable(typeof(CreditsDocument))]
[JsonSerializable(typeof(GenerationDocument))]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
