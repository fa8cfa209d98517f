using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// A task as the (undocumented) status endpoint reports it. The shape is the one public clients of the vendor read:
/// <c>{task_id, status, image_url, error}</c>; <c>url</c> and <c>error_message</c> are read as fallbacks.
/// </summary>
public sealed record BananaProTask
{
    /// <summary>The task id.</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary><c>pending</c>, <c>processing</c>, <c>completed</c> or <c>failed</c> (inferred, not documented).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The result image, once completed.</summary>
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }

    /// <summary>The result image under the name the webhook uses (<c>url</c>), when the status answer uses it too.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Why the task failed (a string, or the message of an error object).</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(BananaProErrorTextConverter))]
    public string? Error { get; init; }

    /// <summary>Why the task failed, under the other name public clients probe.</summary>
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; init; }
}
