namespace NanoBanana.Sdk.Http;

/// <summary>The per-request facts the resilience handler reads from <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class NanoBananaRequestOptions
{
    /// <summary>The request's kind; a request without it is classified by its method.</summary>
    public static readonly HttpRequestOptionsKey<HttpRequestKind> Kind = new("NanoBanana.RequestKind");

    /// <summary>When the call's budget runs out; no retry waits past it.</summary>
    public static readonly HttpRequestOptionsKey<DateTimeOffset> Deadline = new("NanoBanana.Deadline");

    /// <summary>The provider's error parser, so a retry can honour a wait that only the error body states.</summary>
    public static readonly HttpRequestOptionsKey<IProviderErrorParser> ErrorParser = new("NanoBanana.ErrorParser");

    public static HttpRequestKind GetKind(HttpRequestMessage request) =>
        request.Options.TryGetValue(Kind, out var kind) ? kind
        : request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ? HttpRequestKind.Read
        : HttpRequestKind.Submit;
}
