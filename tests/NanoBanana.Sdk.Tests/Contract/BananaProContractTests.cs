using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Contract;

/// <summary>
/// The contract suite against the BananaPro emulator, with the client built without DI. The vendor only submits, so
/// every entry point runs submit + the (assumed) status path, and the stream is emulated from polls.
/// </summary>
public sealed class BananaProContractTests(EmulatorFixture fixture) : ImageGenerationClientContractTests(fixture)
{
    /// <summary>
    /// The status path ends with the task id, which differs per job, so no fixed suffix names it. An empty suffix matches
    /// any path; the suite's status faults also match on GET and are queued right before the status read they target.
    /// </summary>
    protected override string StatusPathSuffix => string.Empty;

    protected override string SubmitPathSuffix => "/api/v1/images/generate";

    protected override IImageGenerationClient CreateClient(NanoBananaEmulator emulator, ContractClientSettings settings) =>
        new BananaProImageClient(
            new BananaProImageClientOptions
            {
                ApiKey = settings.ApiKey ?? emulator.ApiKey,
                BaseAddress = emulator.BananaProBaseAddress,
                PollingStrategy = FastPolling,
                Resilience = new NanoBananaResilienceOptions { MaxRetryAttempts = settings.MaxRetryAttempts },
            },
            settings.TimeProvider);

    protected override IReadOnlyList<RecordedRequest> ApiRequests(NanoBananaEmulator emulator) =>
        [.. emulator.Requests.Where(r => r.Path.StartsWith(emulator.BananaProBaseAddress.AbsolutePath, StringComparison.Ordinal))];
}
