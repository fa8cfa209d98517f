using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// An error body. Undocumented, so the common shapes are all read: <c>{"error": {"code", "message"}}</c>,
/// <c>{"error": "..."}</c> and <c>{"message": "...", "code": ...}</c>.
/// </summary>
internal sealed record DreamToJobsErrorBody
{
    [JsonPropertyName("error")]
    public DreamToJobError? Error { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("code")]
    [JsonConverter(typeof(DreamToJobsTextConverter))]
    public string? Code { get; init; }

    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }
}
