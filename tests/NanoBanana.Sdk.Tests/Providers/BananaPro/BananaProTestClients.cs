using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>Builds BananaPro clients over a <see cref="StubHandler"/>, without dependency injection.</summary>
public static class BananaProTestClients
{
    /// <summary>A key in the vendor's format; long and distinctive, so a leak is easy to spot.</summary>
    public const string ApiKey = "sk-test-secret-8d2f61c0a9";

    /// <summary>A loopback gateway root; the stub answers before anything would be sent.</summary>
    public static readonly Uri BaseAddress = new("https://127.0.0.1:7443/");

    /// <summary>The status path of <see cref="BananaProFixtures.TaskId"/> under the default template.</summary>
    public const string StatusPath = "/api/v1/images/" + BananaProFixtures.TaskId;

    /// <summary>Options pointing at <see cref="BaseAddress"/> with <see cref="ApiKey"/>.</summary>
    /// <param name="configure">Further changes.</param>
    /// <returns>The options.</returns>
    public static BananaProImageClientOptions Options(Action<BananaProImageClientOptions>? configure = null)
    {
        var options = new BananaProImageClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose HttpClient sends straight to <paramref name="stub"/> (no retries).</summary>
    /// <param name="stub">The stub.</param>
    /// <param name="time">The clock.</param>
    /// <param name="configure">Option changes.</param>
    /// <param name="webhooks">The hub deliveries are published to.</param>
    /// <returns>The client.</returns>
    public static BananaProImageClient Direct(
        StubHandler stub, TimeProvider time, Action<BananaProImageClientOptions>? configure = null, ImageGenerationWebhookHub? webhooks = null) =>
        new(new HttpClient(stub) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time, webhooks: webhooks);

    /// <summary>A client whose HttpClient runs <see cref="NanoBananaResilienceHandler"/> over <paramref name="stub"/>.</summary>
    /// <param name="stub">The stub.</param>
    /// <param name="time">The clock (for the client and the handler).</param>
    /// <returns>The client.</returns>
    public static BananaProImageClient Resilient(StubHandler stub, TimeProvider time)
    {
        var handler = new NanoBananaResilienceHandler(null, time) { InnerHandler = stub };
        return new(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, Options(), time);
    }

    /// <summary>A stub that accepts a submit with the documented answer.</summary>
    /// <param name="time">The stub's clock.</param>
    /// <returns>The stub.</returns>
    public static StubHandler Accepting(TimeProvider time) =>
        new StubHandler(time).On(HttpMethod.Post, "/api/v1/images/generate", Reply.Json(BananaProFixtures.SubmitAccepted));
}
