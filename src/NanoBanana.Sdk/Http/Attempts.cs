using Polly;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// A call's attempts as the retry pipeline sees them once the first one, sent before the pipeline, may be retried: the
/// pipeline's first execution takes that outcome instead of sending again.
/// </summary>
internal sealed class Attempts(NanoBananaResilienceHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
{
    private Outcome<HttpResponseMessage>? _first = first;

    public NanoBananaResilienceHandler Handler => handler;

    public HttpRequestMessage Request => request;

    /// <summary>The first attempt's outcome the first time it is asked for; <see langword="null"/> after.</summary>
    public Outcome<HttpResponseMessage>? TakeFirst()
    {
        var first = _first;
        _first = null;
        return first;
    }
}
