using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.Gemini;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>Builds Gemini clients without dependency injection, over a <see cref="StubHandler"/>.</summary>
internal static class GeminiTestClients
{
    /// <summary>The key the stub-backed clients send; long and distinctive, so a leak is easy to spot.</summary>
    public const string ApiKey = "AIza_test_secret_9d41c7e02b";

    /// <summary>A loopback base address; the stub answers before anything would be sent.</summary>
    public static readonly Uri BaseAddress = new("https://127.0.0.1:7443/");

    public static GeminiImageClientOptions Options(Action<GeminiImageClientOptions>? configure = null)
    {
        var options = new GeminiImageClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose HttpClient sends straight to <paramref name="stub"/> (no retries).</summary>
    public static GeminiImageClient Direct(StubHandler stub, TimeProvider time, Action<GeminiImageClientOptions>? configure = null) =>
        new(new HttpClient(stub) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time);

    /// <summary>A client whose HttpClient runs <see cref="NanoBananaResilienceHandler"/> over <paramref name="stub"/>.</summary>
    public static GeminiImageClient Resilient(StubHandler stub, TimeProvider time, Action<GeminiImageClientOptions>? configure = null)
    {
        var handler = new NanoBananaResilienceHandler(new NanoBananaResilienceOptions(), time) { InnerHandler = stub };
        return new(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time);
    }

    /// <summary>Answers <c>:generateContent</c> with <paramref name="responses"/> (the last repeats).</summary>
    public static StubHandler OnGenerate(this StubHandler stub, params Func<HttpRequestMessage, HttpResponseMessage>[] responses) =>
        stub.On(HttpMethod.Post, ":generateContent", responses);

    /// <summary>Answers <c>:streamGenerateContent</c> (the path; <c>?alt=sse</c> is the query).</summary>
    public static StubHandler OnStream(this StubHandler stub, params Func<HttpRequestMessage, HttpResponseMessage>[] responses) =>
        stub.On(HttpMethod.Post, ":streamGenerateContent", responses);

    /// <summary>A JSON response whose body arrives in reads of the given sizes, optionally without a Content-Length.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> ChunkedJson(byte[] body, bool lengthKnown, params int[] chunkSizes) =>
        _ =>
        {
            var content = new StreamContent(new NanoBanana.Sdk.Tests.Http.InlineData.SizedChunkStream(body, chunkSizes));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = lengthKnown ? body.Length : null;
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
        };

    /// <summary>An SSE response whose body arrives in reads of the given sizes.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> ChunkedSse(byte[] body, params int[] chunkSizes) =>
        _ =>
        {
            var content = new StreamContent(new NanoBanana.Sdk.Tests.Http.InlineData.SizedChunkStream(body, chunkSizes));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
        };

    public static ImageGenerationRequest Request(string prompt = "a lighthouse at dusk") => new() { Prompt = prompt };
}
