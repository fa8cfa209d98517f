using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>Source-generated JSON for every nananobanana wire type; no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(NanaNanoBananaGenerateRequest))]
[JsonSerializable(typeof(NanaNanoBananaGenerateResponse))]
[JsonSerializable(typeof(NanaNanoBananaStreamEvent))]
[JsonSerializable(typeof(NanaNanoBananaEnvelope<NanaNanoBananaGeneration>))]
[JsonSerializable(typeof(NanaNanoBananaEnvelope<List<NanaNanoBananaModelInfo>>))]
[JsonSerializable(typeof(NanaNanoBananaEnvelope<NanaNanoBananaCredits>))]
[JsonSerializable(typeof(NanaNanoBananaErrorBody))]
internal sealed partial class NanaNanoBananaJsonContext : JsonSerializerContext;
