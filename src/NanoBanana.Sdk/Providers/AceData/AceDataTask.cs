using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// A task record from <c>POST /nano-banana/tasks</c>. The vendor documents no status field: a task is finished when
/// <see cref="Response"/> carries image URLs (succeeded) or a structured error (failed), and running while it is absent.
/// </summary>
public sealed record AceDataTask
{
    /// <summary>The task id; <see langword="null"/> (with no <c>response.task_id</c> either) when the vendor does not know the task.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>When the task was created, in Unix seconds with a fractional part.</summary>
    [JsonPropertyName("created_at")]
    public double? CreatedAt { get; init; }

    /// <summary>The original request body, as sent.</summary>
    [JsonPropertyName("request")]
    public JsonElement? Request { get; init; }

    /// <summary>What <c>POST /nano-banana/images</c> would have answered; absent while the task runs.</summary>
    [JsonPropertyName("response")]
    public AceDataImageResponse? Response { get; init; }

    /// <summary>The trace id of the original request.</summary>
    [JsonPropertyName("trace_id")]
    public string? TraceId { get; init; }

    /// <summary>The task type, <c>images</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>When the task finished, where the vendor says so (Ace Data's own SDK reads it here or inside <see cref="Response"/>).</summary>
    [JsonPropertyName("finished_at")]
    public JsonElement? FinishedAt { get; init; }

    /// <summary>A status word, which some Ace Data services add (undocumented for this one).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>A state word, which some Ace Data services add (undocumented for this one).</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Describes the record without the request body.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"AceDataTask {{ Id = {Id}, Finished = {Response is not null}, Images = {Response?.Data?.Count ?? 0} }}";
}
