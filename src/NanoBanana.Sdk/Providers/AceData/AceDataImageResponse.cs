using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// The answer of <c>POST /nano-banana/images</c>, which is also the callback body, the <c>response</c> of a task record and
/// (with <see cref="Success"/> false) the error body. There is no status field: see <see cref="AceDataTask"/> for how completion is read.
/// </summary>
public sealed record AceDataImageResponse
{
    /// <summary>Whether the call succeeded. A submit with <c>async</c> or <c>callback_url</c> succeeds before any image exists.</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>The task id, for <c>POST /nano-banana/tasks</c>.</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary>The vendor's trace id, for support requests.</summary>
    [JsonPropertyName("trace_id")]
    public string? TraceId { get; init; }

    /// <summary>One entry per image, once the images exist.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<AceDataImage>? Data { get; init; }

    /// <summary>Why the call or task failed.</summary>
    [JsonPropertyName("error")]
    public AceDataError? Error { get; init; }

    /// <summary>A status word, which some Ace Data services add (undocumented for this one).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>A state word, which some Ace Data services add (undocumented for this one).</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>When the task finished, as a number or a string, which Ace Data's own SDK reads when present (undocumented for this service).</summary>
    [JsonPropertyName("finished_at")]
    public JsonElement? FinishedAt { get; init; }

    /// <summary>A message, which some answers carry beside or instead of <see cref="Error"/>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
