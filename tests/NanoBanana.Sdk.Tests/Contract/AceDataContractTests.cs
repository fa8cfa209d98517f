using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Contract;

/// <summary>The contract suite against the emulator's Ace Data module, with the client built without DI.</summary>
public sealed class AceDataContractTests(EmulatorFixture fixture) : ImageGenerationClientContractTests(fixture)
{
    protected override string StatusPathSuffix => "/nano-banana/tasks";

    /// <summary>Ace Data reads tasks with <c>POST /nano-banana/tasks</c> (<c>action: "retrieve"</c>).</summary>
    protected override string StatusMethod => "POST";

    protected override string SubmitPathSuffix => "/nano-banana/images";

    protected override IImageGenerationClient CreateClient(NanoBananaEmulator emulator, ContractClientSettings settings) =>
        new AceDataImageClient(
            new AceDataImageClientOptions
            {
                ApiKey = settings.ApiKey ?? emulator.ApiKey,
                BaseAddress = emulator.AceDataBaseAddress,
                PollingStrategy = FastPolling,
                Resilience = new NanoBananaResilienceOptions { MaxRetryAttempts = settings.MaxRetryAttempts },
            },
            settings.TimeProvider);

    protected override IReadOnlyList<RecordedRequest> ApiRequests(NanoBananaEmulator emulator) =>
        [.. emulator.Requests.Where(r => r.Path.StartsWith(emulator.AceDataBaseAddress.AbsolutePath, StringComparison.Ordinal))];
}
