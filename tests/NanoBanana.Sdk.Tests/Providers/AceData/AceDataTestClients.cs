using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>Builds Ace Data clients without dependency injection, over a <see cref="StubHandler"/>.</summary>
internal static class AceDataTestClients
{
    /// <summary>The token the stub-backed clients send; long and distinctive, so a leak is easy to spot.</summary>
    public const string ApiKey = "ace_test_secret_7d1e93b0c4";

    /// <summary>The webhook secret the clients and parsers share.</summary>
    public const string WebhookSecret = "whsec_acedata_test_1";

    /// <summary>A loopback base address; the stub answers before anything would be sent.</summary>
    public static readonly Uri BaseAddress = new("https://127.0.0.1:7443/");

    public const string ImagesPath = "/nano-banana/images";

    public const string TasksPath = "/nano-banana/tasks";

    public static AceDataImageClientOptions Options(Action<AceDataImageClientOptions>? configure = null)
    {
        var options = new AceDataImageClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        options.Webhooks.Secrets.Add(WebhookSecret);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose HttpClient sends straight to <paramref name="stub"/> (no retries).</summary>
    public static AceDataImageClient Direct(
        StubHandler stub, TimeProvider time, Action<AceDataImageClientOptions>? configure = null, ImageGenerationWebhookHub? hub = null) =>
        new(new HttpClient(stub) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time, webhookHub: hub);

    /// <summary>A client whose HttpClient runs <see cref="NanoBananaResilienceHandler"/> over <paramref name="stub"/>.</summary>
    public static AceDataImageClient Resilient(StubHandler stub, TimeProvider time, Action<AceDataImageClientOptions>? configure = null)
    {
        var handler = new NanoBananaResilienceHandler(new NanoBananaResilienceOptions(), time) { InnerHandler = stub };
        return new(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time);
    }

    public static StubHandler OnImages(this StubHandler stub, params Func<HttpRequestMessage, HttpResponseMessage>[] responses) =>
        stub.On(HttpMethod.Post, ImagesPath, responses);

    public static StubHandler OnTasks(this StubHandler stub, params Func<HttpRequestMessage, HttpResponseMessage>[] responses) =>
        stub.On(HttpMethod.Post, TasksPath, responses);

    public static IReadOnlyList<StubRequest> ImagesRequests(this StubHandler stub) => stub.RequestsTo(HttpMethod.Post, ImagesPath);

    public static IReadOnlyList<StubRequest> TasksRequests(this StubHandler stub) => stub.RequestsTo(HttpMethod.Post, TasksPath);
}
