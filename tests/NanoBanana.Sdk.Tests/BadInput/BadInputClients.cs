using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.BadInput;

/// <summary>
/// Every provider's client, built without DI against the emulator with everything a valid request would need (webhook
/// secrets included), so a refusal can only come from the bad input under test.
/// </summary>
public static class BadInputClients
{
    /// <summary>The providers, by <see cref="IImageGenerationClient.ProviderName"/>.</summary>
    public static readonly string[] Providers = ["NanaNanoBanana", "BananaPro", "AceData", "Apixo", "Gemini", "DreamToJobs"];

    private const string WebhookSecret = "whsec_bad_input_secret";

    private static readonly PollingStrategy FastPolling = PollingStrategy.Fixed(TimeSpan.FromMilliseconds(10), maxWait: TimeSpan.FromSeconds(30));

    private static NanoBananaResilienceOptions NoRetries => new() { MaxRetryAttempts = 0 };

    /// <summary>Builds the named provider's client pointed at <paramref name="emulator"/>.</summary>
    /// <param name="provider">One of <see cref="Providers"/>.</param>
    /// <param name="emulator">The emulator.</param>
    /// <returns>The client; dispose it.</returns>
    public static IImageGenerationClient Create(string provider, NanoBananaEmulator emulator) => provider switch
    {
        "NanaNanoBanana" => new NanaNanoBananaImageClient(new NanaNanoBananaImageClientOptions
        {
            ApiKey = emulator.ApiKey, BaseAddress = emulator.NanaNanoBananaBaseAddress, PollingStrategy = FastPolling, Resilience = NoRetries,
        }),
        "BananaPro" => new BananaProImageClient(WithSecret(new BananaProImageClientOptions
        {
            ApiKey = emulator.ApiKey, BaseAddress = emulator.BananaProBaseAddress, PollingStrategy = FastPolling, Resilience = NoRetries,
        }, o => o.Webhooks)),
        "AceData" => new AceDataImageClient(WithSecret(new AceDataImageClientOptions
        {
            ApiKey = emulator.ApiKey, BaseAddress = emulator.AceDataBaseAddress, PollingStrategy = FastPolling, Resilience = NoRetries,
        }, o => o.Webhooks)),
        "Apixo" => new ApixoImageClient(WithSecret(new ApixoImageClientOptions
        {
            ApiKey = emulator.ApiKey, BaseAddress = emulator.ApixoBaseAddress, PollingStrategy = FastPolling, Resilience = NoRetries,
        }, o => o.Webhooks)),
        "Gemini" => new GeminiImageClient(new GeminiImageClientOptions
        {
            ApiKey = emulator.ApiKey, BaseAddress = emulator.GeminiBaseAddress, Resilience = NoRetries,
        }),
        "DreamToJobs" => new DreamToJobsImageClient(WithSecret(new DreamToJobsImageClientOptions
        {
            ApiKey = emulator.ApiKey, BaseAddress = emulator.DreamToBaseAddress, PollingStrategy = FastPolling, Resilience = NoRetries,
        }, o => o.Webhooks)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a provider of the SDK."),
    };

    private static T WithSecret<T>(T options, Func<T, NanoBananaWebhookOptions> webhooks)
    {
        webhooks(options).Secrets.Add(WebhookSecret);
        return options;
    }
}
