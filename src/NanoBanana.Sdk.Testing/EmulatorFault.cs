namespace NanoBanana.Sdk.Testing;

/// <summary>
/// A one-shot failure the emulator answers with instead of handling a request; queue it with
/// <see cref="EmulatorScenario.EnqueueFault"/>. Unless <see cref="Body"/> is set, the answer carries the
/// vendor's documented error body for <see cref="StatusCode"/>.
/// </summary>
/// <param name="StatusCode">The HTTP status code to answer with.</param>
public sealed record EmulatorFault(int StatusCode)
{
    /// <summary>
    /// Only requests whose path ends with this suffix match (e.g. <c>/generate</c>). When null, any vendor API
    /// request matches; image downloads match only through an explicit suffix.
    /// </summary>
    public string? PathSuffix { get; init; }

    /// <summary>Only requests with this HTTP method match (case-insensitive, e.g. <c>POST</c>); null matches any method.</summary>
    public string? Method { get; init; }

    /// <summary>When set, the answer carries a <c>Retry-After</c> header with this delay in whole seconds (rounded up).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A raw body sent instead of the vendor's error body, e.g. truncated JSON.</summary>
    public string? Body { get; init; }

    /// <summary>How many matching requests the fault applies to. Defaults to 1.</summary>
    public int Times { get; init; } = 1;
}
