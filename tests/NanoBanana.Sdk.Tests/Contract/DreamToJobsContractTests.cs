using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Contract;

/// <summary>
/// The contract suite against the emulator's DreamTo job module, with the client built without DI. The vendor is
/// async-only, so generate and stream run submit + poll; it takes bytes (uploaded first) and calls back, so the base
/// class skips the URL-only, no-callback and native-stream scenarios from the client's capabilities.
/// </summary>
public sealed class DreamToJobsContractTests(EmulatorFixture fixture) : ImageGenerationClientContractTests(fixture)
{
    /// <summary>Any GET: the status path ends with the job id, which is unknown when a fault is queued; the next GET in those tests is the status read.</summary>
    protected override string? StatusPathSuffix => string.Empty;

    protected override string SubmitPathSuffix => "/v1/jobs";

    protected override IImageGenerationClient CreateClient(NanoBananaEmulator emulator, ContractClientSettings settings) =>
        new DreamToJobsImageClient(
            new DreamToJobsImageClientOptions
            {
                ApiKey = settings.ApiKey ?? emulator.ApiKey,
                BaseAddress = emulator.DreamToBaseAddress,
                PollingStrategy = FastPolling,
                Resilience = new NanoBananaResilienceOptions { MaxRetryAttempts = settings.MaxRetryAttempts },
            },
            settings.TimeProvider);

    protected override IReadOnlyList<RecordedRequest> ApiRequests(NanoBananaEmulator emulator) =>
        [.. emulator.Requests.Where(r => r.Path.StartsWith(emulator.DreamToBaseAddress.AbsolutePath + "v1/", StringComparison.Ordinal))];
}
