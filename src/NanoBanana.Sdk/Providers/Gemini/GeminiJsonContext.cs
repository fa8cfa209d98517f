using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>Source-generated JSON for every Gemini wire type; no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GeminiWireResponse))]
[JsonSerializable(typeof(GeminiGenerationConfig))]
[JsonSerializable(typeof(IReadOnlyList<GeminiSafetySetting>))]
[JsonSerializable(typeof(GeminiModelList))]
[JsonSerializable(typeof(GeminiFileEnvelope))]
[JsonSerializable(typeof(GeminiFile))]
[JsonSerializable(typeof(GeminiErrorBody))]
internal sealed partial class GeminiJsonContext : JsonSerializerContext;
