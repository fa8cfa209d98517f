namespace NanoBanana.Sdk.Http;

/// <summary>The per-request facts the handlers read from <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class NanoBananaRequestOptions
{
    /// <summary>The request's facts; a request without them (sent through the handler by other code) is classified by its method.</summary>
    public static readonly HttpRequestOptionsKey<RequestFacts> Facts = new("NanoBanana.RequestFacts");

    public static RequestFacts? GetFacts(HttpRequestMessage request) =>
        request.Options.TryGetValue(Facts, out var facts) ? facts : null;

    public static HttpRequestKind GetKind(HttpRequestMessage request) =>
        GetFacts(request) is { } facts ? facts.Kind
        : request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ? HttpRequestKind.Read
        : HttpRequestKind.Submit;
}
