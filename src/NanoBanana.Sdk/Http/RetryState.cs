using Polly;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// What the retry pipeline's callback needs once a call's first attempt, sent before the pipeline, may be retried: the
/// pipeline's first execution takes that attempt's outcome instead of sending again; later ones send new attempts.
/// </summary>
internal sealed class RetryState(NanoBananaResilienceHandler handler, HttpRequestMessage request, TimeSpan? attemptTimeout, Outcome<HttpResponseMessage> first)
{
    private Outcome<HttpResponseMessage>? _first = first;

    public NanoBananaResilienceHandler Handler => handler;

    public HttpRequestMessage Request => request;

    /// <summary>The budget of each attempt (reads), or <see langword="null"/> for none (submits, whose duration is the call's budget).</summary>
    public TimeSpan? AttemptTimeout => attemptTimeout;

    /// <summary>The first attempt's outcome the first time it is asked for; <see langword="null"/> after.</summary>
    public Outcome<HttpResponseMessage>? TakeFirstOutcome()
    {
        var outcome = _first;
        _first = null;
        return outcome;
    }
}
