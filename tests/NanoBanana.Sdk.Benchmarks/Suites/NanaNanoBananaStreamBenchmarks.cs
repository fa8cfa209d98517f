using System.Text;
using BenchmarkDotNet.Attributes;
using NanoBanana.Sdk.Benchmarks.Contenders;
using NanoBanana.Sdk.Benchmarks.Server;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Benchmarks.Suites;

/// <summary>
/// Suite 4a: a nananobanana progress stream of 1,000 status events and a <c>complete</c> event, read by the SDK's
/// <c>GenerateStreamingAsync</c> and by raw HttpClient + <c>SseParser</c> + source-generated System.Text.Json.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class NanaNanoBananaStreamBenchmarks
{
    /// <summary>The events in one stream.</summary>
    public const int EventsPerStream = Payloads.StreamStatusEvents + 1;

    private static readonly ImageGenerationRequest Request = new() { Prompt = GeminiRequestBody.Prompt };

    private HttpClient? _http;
    private RawStreamClient? _raw;
    private NanaNanoBananaImageClient? _sdk;

    /// <summary>Sets up the raw client and checks it reads every event.</summary>
    [GlobalSetup(Target = nameof(RawHttpClient))]
    public void SetupRaw() => SetupRawCoreAsync().GetAwaiter().GetResult();

    private async Task SetupRawCoreAsync()
    {
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", "nb_bench");
        _raw = new RawStreamClient(_http, new Uri(BaseAddress, "generate"), """{"prompt":"a watercolor fox","mode":"stream"}""");
        await CheckAsync(nameof(RawHttpClient), RawHttpClient);
    }

    /// <summary>Sets up the SDK and checks it yields an update per event.</summary>
    [GlobalSetup(Target = nameof(Sdk))]
    public void SetupSdk() => SetupSdkCoreAsync().GetAwaiter().GetResult();

    private async Task SetupSdkCoreAsync()
    {
        _sdk = new NanaNanoBananaImageClient(new NanaNanoBananaImageClientOptions { BaseAddress = BaseAddress, ApiKey = "nb_bench" });
        await CheckAsync(nameof(Sdk), Sdk);
    }

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk?.Dispose();
        _http?.Dispose();
    }

    /// <summary>Raw HttpClient + <c>SseParser</c> + source-generated System.Text.Json.</summary>
    /// <returns>How many events were read.</returns>
    [Benchmark(Baseline = true)]
    public Task<int> RawHttpClient() => _raw!.ReadAsync(RawJson.Default.RawStreamEvent, _ => { }, CancellationToken.None);

    /// <summary>NanoBanana.Sdk: <c>NanaNanoBananaImageClient.GenerateStreamingAsync</c>.</summary>
    /// <returns>How many updates were yielded.</returns>
    [Benchmark]
    public async Task<int> Sdk()
    {
        var count = 0;
        await foreach (var _ in _sdk!.GenerateStreamingAsync(Request))
        {
            count++;
        }

        return count;
    }

    private static Uri BaseAddress => PayloadServerProcess.Shared.Address(Routes.NanaNanoBananaBase);

    private static Task CheckAsync(string method, Func<Task<int>> read) =>
        CaseFailures.CheckAsync($"{nameof(NanaNanoBananaStreamBenchmarks)}.{method}", async () =>
        {
            var events = await read();
            if (events != EventsPerStream)
            {
                throw new InvalidOperationException($"The stream has {EventsPerStream} events; {method} read {events}.");
            }
        });
}
