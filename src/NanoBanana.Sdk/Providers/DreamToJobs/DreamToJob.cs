using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// A job as <c>POST /v1/jobs</c>, <c>GET /v1/jobs/{id}</c> and the callback describe it. Only the submit answer is
/// documented; <see cref="Output"/>, <see cref="Error"/> and the end states follow the SDK's documented assumption.
/// </summary>
public sealed record DreamToJob
{
    /// <summary>The job id (<c>job_...</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The <c>object</c> field: <c>job</c>.</summary>
    [JsonPropertyName("object")]
    public string? ObjectType { get; init; }

    /// <summary>The state word: <c>processing</c> is documented; <c>queued</c>, <c>succeeded</c>, <c>failed</c>, <c>cancelled</c> and common synonyms are read.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The model that runs the job.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>When the job was created, in Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long? Created { get; init; }

    /// <summary>The vendor's request id, for support tickets.</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary>Progress from 0 to 100, if the vendor reports it (undocumented).</summary>
    [JsonPropertyName("progress")]
    public double? Progress { get; init; }

    /// <summary>The result of a finished job.</summary>
    [JsonPropertyName("output")]
    public DreamToJobOutput? Output { get; init; }

    /// <summary>Why the job failed.</summary>
    [JsonPropertyName("error")]
    public DreamToJobError? Error { get; init; }

    /// <summary>Describes the job without image bytes.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"DreamToJob {{ Id = {Id}, Status = {Status}, Model = {Model}, Images = {Output?.Images?.Count ?? 0}, Error = {Error?.Code} }}";
}
