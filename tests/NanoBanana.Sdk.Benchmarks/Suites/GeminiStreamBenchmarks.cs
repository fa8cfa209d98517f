using BenchmarkDotNet.Attributes;
using NanoBanana.Sdk.Benchmarks.Contenders;
using NanoBanana.Sdk.Benchmarks.Server;
using NanoBanana.Sdk.Providers.Gemini;

namespace NanoBanana.Sdk.Benchmarks.Suites;

/// <summary>
/// Suite 4b: a Gemini <c>streamGenerateContent?alt=sse</c> answer (a text chunk, an image chunk of 1 or 8 MiB, a last
/// chunk), read by the SDK's <c>GenerateStreamingAsync</c> and by raw HttpClient + <c>SseParser</c> + source-generated
/// System.Text.Json with the image typed as <see cref="byte"/>[].
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class GeminiStreamBenchmarks
{
    private HttpClient? _http;
    private RawStreamClient? _raw;
    private GeminiImageClient? _sdk;
    private ImageGenerationRequest? _request;

    /// <summary>The image size in MiB.</summary>
    [Params(1, 8)]
    public int ImageMiB { get; set; }

    /// <summary>The bytes of a whole stream body, for MB/s.</summary>
    /// <param name="mebibytes">The image size in MiB.</param>
    /// <returns>The body length.</returns>
    public static int StreamBytes(int mebibytes) => Payloads.GeminiStream(ImageBytes.Create(ImageBytes.Mebibytes(mebibytes))).Length;

    /// <summary>Sets up the raw client and checks it returns the image.</summary>
    [GlobalSetup(Target = nameof(RawHttpClient))]
    public void SetupRaw() => SetupAsync(nameof(RawHttpClient), RawHttpClient).GetAwaiter().GetResult();

    /// <summary>Sets up the SDK and checks it returns the image.</summary>
    [GlobalSetup(Target = nameof(Sdk))]
    public void SetupSdk() => SetupAsync(nameof(Sdk), Sdk).GetAwaiter().GetResult();

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk?.Dispose();
        _http?.Dispose();
    }

    /// <summary>Raw HttpClient + <c>SseParser</c> + source-generated System.Text.Json (<see cref="byte"/>[] image).</summary>
    /// <returns>The image.</returns>
    [Benchmark(Baseline = true)]
    public async Task<ReadOnlyMemory<byte>> RawHttpClient()
    {
        byte[]? image = null;
        await _raw!.ReadAsync(
            RawJson.Default.RawGeminiChunk,
            chunk => image = chunk.Candidates?[0].Content?.Parts?.LastOrDefault(p => p.InlineData?.Data is not null)?.InlineData!.Data ?? image,
            CancellationToken.None);
        return image ?? throw new InvalidOperationException("The stream carried no image.");
    }

    /// <summary>NanoBanana.Sdk: <c>GeminiImageClient.GenerateStreamingAsync</c>.</summary>
    /// <returns>The image.</returns>
    [Benchmark]
    public async Task<ReadOnlyMemory<byte>> Sdk()
    {
        await foreach (var update in _sdk!.GenerateStreamingAsync(_request!))
        {
            if (update is ImageGenerationCompletedUpdate completed)
            {
                return completed.Result.Images[0].Data!.Value;
            }
        }

        throw new InvalidOperationException("The stream ended without a completed update.");
    }

    private async Task SetupAsync(string method, Func<Task<ReadOnlyMemory<byte>>> read)
    {
        var server = PayloadServerProcess.Shared;
        var imageBytes = ImageBytes.Mebibytes(ImageMiB);
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(GeminiRequestBody.ApiKeyHeader, "x");
        _raw = new RawStreamClient(_http, server.Address(Routes.GeminiStream(imageBytes)[1..] + "?alt=sse"), GeminiRequestBody.Json);
        _sdk = new GeminiImageClient(new GeminiImageClientOptions { BaseAddress = server.Address(Routes.GeminiBase), ApiKey = "x" });
        _request = InlineImageClients.SdkRequest(imageBytes);
        await CaseFailures.CheckAsync($"{nameof(GeminiStreamBenchmarks)}.{method}/{ImageMiB}", async () =>
        {
            var image = await read();
            if (!image.Span.SequenceEqual(ImageBytes.Create(imageBytes)))
            {
                throw new InvalidOperationException($"{method} did not return the image the stream carried.");
            }
        });
    }
}
