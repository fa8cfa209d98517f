using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// A task's state: the <c>data</c> of <c>GET /statusTask/{model}?taskId=</c>, and of the callback APIXO POSTs in
/// callback mode. Times are Unix milliseconds on the wire and also offered as <see cref="DateTimeOffset"/> and <see cref="TimeSpan"/>.
/// </summary>
public sealed record ApixoTaskStatus
{
    /// <summary>The task id.</summary>
    [JsonPropertyName("taskId")]
    public string? TaskId { get; init; }

    /// <summary>One of <see cref="ApixoTaskStates"/>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>On success, a JSON document inside a string: <c>{"resultUrls": [...]}</c>. <see cref="ResultUrls"/> parses it.</summary>
    [JsonPropertyName("resultJson")]
    [JsonConverter(typeof(ApixoJsonTextConverter))]
    public string? ResultJson { get; init; }

    /// <summary>Why the task failed, for example <see cref="ApixoFailCodes.ContentViolation"/>.</summary>
    [JsonPropertyName("failCode")]
    public string? FailCode { get; init; }

    /// <summary>The vendor's text for <see cref="FailCode"/>.</summary>
    [JsonPropertyName("failMsg")]
    public string? FailMessage { get; init; }

    /// <summary>The error detail of an envelope whose <c>code</c> is not 200 (the vendor's error shape).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>When the task was created, in Unix milliseconds.</summary>
    [JsonPropertyName("createTime")]
    public long? CreateTime { get; init; }

    /// <summary>When the task finished, in Unix milliseconds; set once it has.</summary>
    [JsonPropertyName("completeTime")]
    public long? CompleteTime { get; init; }

    /// <summary>How long the task ran, in milliseconds; set once it has finished (the vendor omits it on some failures).</summary>
    [JsonPropertyName("costTime")]
    public long? CostTime { get; init; }

    /// <summary><see cref="CreateTime"/> as a point in time.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAt => FromUnixMilliseconds(CreateTime);

    /// <summary><see cref="CompleteTime"/> as a point in time.</summary>
    [JsonIgnore]
    public DateTimeOffset? CompletedAt => FromUnixMilliseconds(CompleteTime);

    /// <summary><see cref="CostTime"/> as a duration.</summary>
    [JsonIgnore]
    public TimeSpan? Cost => CostTime is >= 0 and <= MaxMilliseconds ? TimeSpan.FromMilliseconds(CostTime.Value) : null;

    /// <summary>The image URLs parsed from <see cref="ResultJson"/>; empty when there are none or it cannot be read.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ResultUrls => ApixoResultJson.TryReadUrls(ResultJson, out var urls) ? urls : [];

    private const long MaxMilliseconds = 253_402_300_799_999; // 9999-12-31, the last instant DateTimeOffset holds.

    private static DateTimeOffset? FromUnixMilliseconds(long? value) =>
        value is >= 0 and <= MaxMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(value.Value) : null;
}
