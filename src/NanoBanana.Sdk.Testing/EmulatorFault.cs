namespace NanoBanana.Sdk.Testing;

/// <summary>
/// A one-shot failure the emulator injects into a matching request; queue it with <see cref="EmulatorScenario.EnqueueFault"/>.
/// <see cref="Kind"/> says what happens (by default an HTTP status with the vendor's documented error body for
/// <see cref="StatusCode"/>); the other properties target the fault and shape it.
/// </summary>
/// <param name="StatusCode">The HTTP status code to answer with (for <see cref="EmulatorFaultKind.Redirect"/> a 3xx; ignored by the kinds that run the request).</param>
public sealed record EmulatorFault(int StatusCode)
{
    /// <summary>What the fault does. Defaults to <see cref="EmulatorFaultKind.Status"/>.</summary>
    public EmulatorFaultKind Kind { get; init; }

    /// <summary>
    /// Only requests whose path ends with this suffix match (e.g. <c>/generate</c>). When this and <see cref="PathPattern"/>
    /// are null, any vendor API request matches; image downloads match only through an explicit suffix or pattern.
    /// </summary>
    public string? PathSuffix { get; init; }

    /// <summary>
    /// Only requests whose path matches this regular expression match, e.g. <c>/v1/jobs/[^/]+$</c> for a job's status.
    /// Combined with <see cref="PathSuffix"/> when both are set.
    /// </summary>
    public string? PathPattern { get; init; }

    /// <summary>Only requests with this HTTP method match (case-insensitive, e.g. <c>POST</c>); null matches any method.</summary>
    public string? Method { get; init; }

    /// <summary>When set, the answer carries a <c>Retry-After</c> header with this delay in whole seconds (rounded up).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>When set, the answer carries a <c>Retry-After</c> header with this HTTP date (whole seconds); <see cref="RetryAfter"/> wins when both are set.</summary>
    public DateTimeOffset? RetryAfterDate { get; init; }

    /// <summary>A raw body sent instead of the default one of <see cref="EmulatorFaultKind.Status"/>, <see cref="EmulatorFaultKind.HtmlPage"/>, <see cref="EmulatorFaultKind.WrongContentType"/> or <see cref="EmulatorFaultKind.Malformed"/>.</summary>
    public string? Body { get; init; }

    /// <summary>The content type of a <see cref="EmulatorFaultKind.WrongContentType"/> answer. Defaults to <c>text/plain; charset=utf-8</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Where a <see cref="EmulatorFaultKind.Redirect"/> points; required for that kind.</summary>
    public Uri? RedirectTo { get; init; }

    /// <summary>How long a <see cref="EmulatorFaultKind.Slow"/> fault waits, or a <see cref="EmulatorFaultKind.Stall"/> holds the answer; null (the default) until the client hangs up.</summary>
    public TimeSpan? StallFor { get; init; }

    /// <summary>How many server-sent events a <see cref="EmulatorFaultKind.Stall"/> or <see cref="EmulatorFaultKind.TruncateStream"/> lets through first. Defaults to 0.</summary>
    public int AfterEvents { get; init; }

    /// <summary>The length of an <see cref="EmulatorFaultKind.Oversized"/> body. Defaults to 32 MiB.</summary>
    public long BodyLength { get; init; } = 32L * 1024 * 1024;

    /// <summary>How many matching requests the fault applies to. Defaults to 1.</summary>
    public int Times { get; init; } = 1;
}
