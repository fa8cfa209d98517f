using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Contract;

/// <summary>The contract suite against the nananobanana.com emulator, with the client built without DI.</summary>
public sealed class NanaNanoBananaContractTests(EmulatorFixture fixture) : ImageGenerationClientContractTests(fixture)
{
    protected override string StatusPathSuffix => "/generate";

    protected override string SubmitPathSuffix => "/generate";

    protected override IImageGenerationClient CreateClient(NanoBananaEmulator emulator, ContractClientSettings settings) =>
        new NanaNanoBananaImageClient(
            new NanaNanoBananaImageClientOptions
            {
                ApiKey = settings.ApiKey ?? emulator.ApiKey,
                BaseAddress = emulator.NanaNanoBananaBaseAddress,
                PollingStrategy = FastPolling,
                Resilience = new NanoBananaResilienceOptions { MaxRetryAttempts = settings.MaxRetryAttempts },
            },
            settings.TimeProvider);

    protected override IReadOnlyList<RecordedRequest> ApiRequests(NanoBananaEmulator emulator) =>
        [.. emulator.Requests.Where(r => r.Path.StartsWith(emulator.NanaNanoBananaBaseAddress.AbsolutePath, StringComparison.Ordinal))];
}
