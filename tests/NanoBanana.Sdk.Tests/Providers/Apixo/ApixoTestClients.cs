using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.Apixo;

namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>Builds APIXO clients without dependency injection, over a <see cref="StubHandler"/> or the emulator.</summary>
internal static class ApixoTestClients
{
    /// <summary>The key the stub-backed clients send; long and distinctive, so a leak is easy to spot.</summary>
    public const string ApiKey = "apixo_test_secret_7d3e91c04a";

    /// <summary>The webhook secret the clients and parsers share.</summary>
    public const string WebhookSecret = "whsec_apixo_test_5b2f";

    /// <summary>A loopback base address; the stub answers before anything would be sent.</summary>
    public static readonly Uri BaseAddress = new("https://127.0.0.1:7443/api/v1/");

    /// <summary>Options pointing at <see cref="BaseAddress"/> with <see cref="ApiKey"/> and <see cref="WebhookSecret"/>.</summary>
    public static ApixoImageClientOptions Options(Action<ApixoImageClientOptions>? configure = null)
    {
        var options = new ApixoImageClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        options.Webhooks.Secrets.Add(WebhookSecret);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose HttpClient sends straight to <paramref name="stub"/> (no retries).</summary>
    public static ApixoImageClient Direct(StubHandler stub, TimeProvider time, Action<ApixoImageClientOptions>? configure = null) =>
        new(new HttpClient(stub) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time);

    /// <summary>A client with its own pipeline pointed at the emulator, polling every few milliseconds.</summary>
    public static ApixoImageClient Emulated(Testing.NanoBananaEmulator emulator, Action<ApixoImageClientOptions>? configure = null) =>
        new(Options(o =>
        {
            o.ApiKey = emulator.ApiKey;
            o.BaseAddress = emulator.ApixoBaseAddress;
            o.PollingStrategy = PollingStrategy.Fixed(TimeSpan.FromMilliseconds(5), maxWait: TimeSpan.FromSeconds(20));
            o.Resilience = new NanoBananaResilienceOptions { MaxRetryAttempts = 0 };
            configure?.Invoke(o);
        }));

    /// <summary>A minimal valid request.</summary>
    public static ImageGenerationRequest Request(string prompt = "a lighthouse at dusk") => new() { Prompt = prompt };

    /// <summary>A stub answering the submit with <see cref="ApixoWireFixtures.Submitted"/> and the status with <paramref name="statuses"/> in turn.</summary>
    public static StubHandler Stub(TimeProvider time, params string[] statuses)
    {
        var stub = new StubHandler(time).On(HttpMethod.Post, "/generateTask/nano-banana", Reply.Json(ApixoWireFixtures.Submitted));
        return statuses.Length == 0 ? stub : stub.On(HttpMethod.Get, "/statusTask/nano-banana", [.. statuses.Select(s => Reply.Json(s))]);
    }
}
