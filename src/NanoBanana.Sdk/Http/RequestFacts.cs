namespace NanoBanana.Sdk.Http;

/// <summary>
/// What the handlers under a provider client need to know about one request, carried as a single entry of
/// <see cref="HttpRequestMessage.Options"/>: one object per request instead of an entry (and a box) per fact.
/// </summary>
internal sealed class RequestFacts(HttpRequestKind kind, string provider, IProviderErrorParser errorParser, DateTimeOffset deadline)
{
    /// <summary>Submit or read: decides which failures may be retried.</summary>
    public HttpRequestKind Kind { get; } = kind;

    /// <summary>The provider the request is for, so a call the limits refuse names it however the client was built.</summary>
    public string Provider { get; } = provider;

    /// <summary>The provider's error parser, so a retry can honour a wait that only the error body states.</summary>
    public IProviderErrorParser ErrorParser { get; } = errorParser;

    /// <summary>When the call's budget runs out; no retry waits past it, and a resent copy keeps it.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>The retry settings of the handler that sent the request, so a read whose body breaks off is re-sent by the same rules.</summary>
    public NanoBananaResilienceOptions? RetrySettings { get; set; }
}
