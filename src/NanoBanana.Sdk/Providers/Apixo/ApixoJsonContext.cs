using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>Source-generated JSON for every APIXO wire type; no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ApixoGenerateTaskRequest))]
[JsonSerializable(typeof(ApixoEnvelope<ApixoTaskCreated>))]
[JsonSerializable(typeof(ApixoEnvelope<ApixoTaskStatus>))]
[JsonSerializable(typeof(ApixoResultPayload))]
[JsonSerializable(typeof(ApixoErrorBody))]
internal sealed partial class ApixoJsonContext : JsonSerializerContext;
