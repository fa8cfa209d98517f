using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Contract;

/// <summary>
/// The contract suite against the emulator's Gemini module, with the client built without DI. Gemini has no job status
/// (operations are completed sync calls) and takes reference bytes, so the base suite skips its status-read and
/// URL-only scenarios and runs the bytes round trip instead.
/// </summary>
public sealed class GeminiContractTests(EmulatorFixture fixture) : ImageGenerationClientContractTests(fixture)
{
    protected override string? StatusPathSuffix => null;

    protected override string SubmitPathSuffix => ":generateContent";

    protected override IImageGenerationClient CreateClient(NanoBananaEmulator emulator, ContractClientSettings settings) =>
        new GeminiImageClient(
            new GeminiImageClientOptions
            {
                ApiKey = settings.ApiKey ?? emulator.ApiKey,
                BaseAddress = emulator.GeminiBaseAddress,
                Resilience = new NanoBananaResilienceOptions { MaxRetryAttempts = settings.MaxRetryAttempts },
            },
            settings.TimeProvider);

    protected override IReadOnlyList<RecordedRequest> ApiRequests(NanoBananaEmulator emulator) =>
        [.. emulator.Requests.Where(r => r.Path.StartsWith(emulator.GeminiBaseAddress.AbsolutePath, StringComparison.Ordinal))];
}
