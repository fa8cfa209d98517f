using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Builds DreamTo job clients without dependency injection, over a <see cref="StubHandler"/> or the emulator.</summary>
public static class DreamToJobsTestClients
{
    /// <summary>The key the stub-backed clients send; distinctive, so a leak is easy to spot.</summary>
    public const string ApiKey = "dt_test_secret_7c1e9a3b5d";

    /// <summary>The webhook secret of the clients that use callbacks.</summary>
    public const string WebhookSecret = "whsec_dreamto_test_3f8a";

    /// <summary>A loopback origin; the stub answers before anything would be sent.</summary>
    public static readonly Uri BaseAddress = new("https://127.0.0.1:7443/");

    /// <summary>Fast real-time polling for emulator-backed tests.</summary>
    public static readonly PollingStrategy FastPolling = PollingStrategy.Fixed(TimeSpan.FromMilliseconds(10), maxWait: TimeSpan.FromSeconds(30));

    /// <summary>Options pointing at <see cref="BaseAddress"/> with <see cref="ApiKey"/> and <see cref="WebhookSecret"/>.</summary>
    /// <param name="configure">Further changes.</param>
    /// <returns>The options.</returns>
    public static DreamToJobsImageClientOptions Options(Action<DreamToJobsImageClientOptions>? configure = null)
    {
        var options = new DreamToJobsImageClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        options.Webhooks.Secrets.Add(WebhookSecret);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose HttpClient sends straight to <paramref name="stub"/> (no retries).</summary>
    /// <param name="stub">The stub.</param>
    /// <param name="time">The clock.</param>
    /// <param name="configure">Option changes.</param>
    /// <param name="hub">The webhook hub, if the test publishes callbacks.</param>
    /// <returns>The client.</returns>
    public static DreamToJobsImageClient Direct(
        StubHandler stub, TimeProvider time, Action<DreamToJobsImageClientOptions>? configure = null, ImageGenerationWebhookHub? hub = null) =>
        new(new HttpClient(stub) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time, webhookHub: hub);

    /// <summary>A client whose HttpClient runs <see cref="NanoBananaResilienceHandler"/> over <paramref name="stub"/>.</summary>
    /// <param name="stub">The stub.</param>
    /// <param name="time">The clock (for the client and the handler).</param>
    /// <returns>The client.</returns>
    public static DreamToJobsImageClient Resilient(StubHandler stub, TimeProvider time)
    {
        var handler = new NanoBananaResilienceHandler(new NanoBananaResilienceOptions(), time) { InnerHandler = stub };
        return new(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, Options(), time);
    }

    /// <summary>A client of the emulator's DreamTo module, with its own retrying pipeline.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="time">The clock; null for the system clock.</param>
    /// <param name="hub">The webhook hub, if the test publishes callbacks.</param>
    /// <returns>The client.</returns>
    public static DreamToJobsImageClient Emulated(Testing.NanoBananaEmulator emulator, TimeProvider? time = null, ImageGenerationWebhookHub? hub = null) =>
        new(
            Options(o =>
            {
                o.ApiKey = emulator.ApiKey;
                o.BaseAddress = emulator.DreamToBaseAddress;
                o.PollingStrategy = FastPolling;
            }),
            time,
            webhookHub: hub);
}
