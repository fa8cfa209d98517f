using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using NanoBanana.Sdk.Benchmarks.Contenders;
using NanoBanana.Sdk.Benchmarks.Server;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Benchmarks.Suites;

/// <summary>
/// Suite 3: one status poll of a job still processing, a 300-byte answer: the SDK's <c>UpdateStatusAsync</c> against
/// raw HttpClient + source-generated System.Text.Json.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class PollBenchmarks
{
    private HttpClient? _http;
    private RawPollClient? _raw;
    private NanaNanoBananaImageClient? _sdk;
    private ImageGenerationOperation? _operation;

    /// <summary>Sets up the raw client and checks it reads a running job.</summary>
    [GlobalSetup(Target = nameof(RawHttpClient))]
    public void SetupRaw() => SetupRawCoreAsync().GetAwaiter().GetResult();

    private async Task SetupRawCoreAsync()
    {
        var baseAddress = PayloadServerProcess.Shared.Address(Routes.NanaNanoBananaBase);
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _raw = new RawPollClient(_http, baseAddress);
        await CaseFailures.CheckAsync($"{nameof(PollBenchmarks)}.{nameof(RawHttpClient)}", async () =>
        {
            var status = await _raw.GetStatusAsync(Payloads.PollJobId, CancellationToken.None);
            if (status != "processing")
            {
                throw new InvalidOperationException($"The raw client read '{status}'; the job is processing.");
            }
        });
    }

    /// <summary>Resumes the job with the SDK (one poll) and checks it is running.</summary>
    [GlobalSetup(Target = nameof(Sdk))]
    public void SetupSdk() => SetupSdkCoreAsync().GetAwaiter().GetResult();

    private async Task SetupSdkCoreAsync()
    {
        var baseAddress = PayloadServerProcess.Shared.Address(Routes.NanaNanoBananaBase);
        _sdk = new NanaNanoBananaImageClient(new NanaNanoBananaImageClientOptions { BaseAddress = baseAddress, ApiKey = "nb_bench" });
        await CaseFailures.CheckAsync($"{nameof(PollBenchmarks)}.{nameof(Sdk)}", async () =>
        {
            _operation = await _sdk.GetGenerationAsync(Payloads.PollJobId);
            if (await _operation.UpdateStatusAsync() != ImageGenerationStatus.Running)
            {
                throw new InvalidOperationException($"The SDK read {_operation.Status}; the job is running.");
            }
        });
    }

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk?.Dispose();
        _http?.Dispose();
    }

    /// <summary>Raw HttpClient + source-generated System.Text.Json.</summary>
    /// <returns>The status word.</returns>
    [Benchmark(Baseline = true)]
    public Task<string> RawHttpClient() => _raw!.GetStatusAsync(Payloads.PollJobId, CancellationToken.None);

    /// <summary>NanoBanana.Sdk: <c>ImageGenerationOperation.UpdateStatusAsync</c>.</summary>
    /// <returns>The status.</returns>
    [Benchmark]
    public Task<ImageGenerationStatus> Sdk() => _operation!.UpdateStatusAsync();
}
