using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>Source-generated JSON for every DreamTo jobs wire type; no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(DreamToJobRequest))]
[JsonSerializable(typeof(DreamToJob))]
[JsonSerializable(typeof(DreamToFile))]
[JsonSerializable(typeof(DreamToJobsErrorBody))]
internal sealed partial class DreamToJobsJsonContext : JsonSerializerContext;
