using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The body BananaPro POSTs to a registered webhook endpoint.</summary>
public sealed record BananaProWebhookPayload
{
    /// <summary>The event: <c>job.completed</c> or <c>job.failed</c> (also spelled <c>task.*</c>).</summary>
    [JsonPropertyName("event")]
    public string? Event { get; init; }

    /// <summary>The task the event is about.</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary>The task's kind, <c>image</c> for generations.</summary>
    [JsonPropertyName("task_type")]
    public string? TaskType { get; init; }

    /// <summary>The task's state: <c>completed</c> or <c>failed</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The result or the failure.</summary>
    [JsonPropertyName("data")]
    public BananaProWebhookData? Data { get; init; }

    /// <summary>When the vendor sent the event (ISO 8601, kept as sent).</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }
}
