using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Contract;

/// <summary>
/// The contract suite against the emulator's APIXO module, with the client built without DI. APIXO is async-only, so
/// generate and stream run submit + poll; the scenarios for native streams (dropped stream) and for vendors without
/// callbacks are skipped by the base class from the client's capabilities.
/// </summary>
public sealed class ApixoContractTests(EmulatorFixture fixture) : ImageGenerationClientContractTests(fixture)
{
    protected override string StatusPathSuffix => "/statusTask/nano-banana";

    protected override string SubmitPathSuffix => "/generateTask/nano-banana";

    protected override IImageGenerationClient CreateClient(NanoBananaEmulator emulator, ContractClientSettings settings) =>
        new ApixoImageClient(
            new ApixoImageClientOptions
            {
                ApiKey = settings.ApiKey ?? emulator.ApiKey,
                BaseAddress = emulator.ApixoBaseAddress,
                PollingStrategy = FastPolling,
                Resilience = new NanoBananaResilienceOptions { MaxRetryAttempts = settings.MaxRetryAttempts },
            },
            settings.TimeProvider);

    protected override IReadOnlyList<RecordedRequest> ApiRequests(NanoBananaEmulator emulator) =>
        [.. emulator.Requests.Where(r => r.Path.StartsWith(emulator.ApixoBaseAddress.AbsolutePath, StringComparison.Ordinal))];
}
