using BenchmarkDotNet.Attributes;
using NanoBanana.Sdk.Benchmarks.Contenders;
using NanoBanana.Sdk.Benchmarks.Server;

namespace NanoBanana.Sdk.Benchmarks.Suites;

/// <summary>
/// Suite 1: one <c>generateContent</c> answer carrying an inline image of 1, 8 or 24 MiB, fetched by the floor,
/// the SDK, a hand-written HttpClient + System.Text.Json client and OpenAI .NET (on the OpenAI shape of the same image).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class InlineImageBenchmarks
{
    private InlineImageClients? _clients;
    private int _imageBytes;

    /// <summary>The image size in MiB.</summary>
    [Params(1, 8, 24)]
    public int ImageMiB { get; set; }

    /// <summary>Sets up the floor and checks it returns the image.</summary>
    [GlobalSetup(Target = nameof(Floor))]
    public void SetupFloor() => SetupAsync(InlineImageContender.Floor).GetAwaiter().GetResult();

    /// <summary>Sets up the SDK and checks it returns the image.</summary>
    [GlobalSetup(Target = nameof(Sdk))]
    public void SetupSdk() => SetupAsync(InlineImageContender.Sdk).GetAwaiter().GetResult();

    /// <summary>Sets up the hand-written client and checks it returns the image.</summary>
    [GlobalSetup(Target = nameof(HandWritten))]
    public void SetupHandWritten() => SetupAsync(InlineImageContender.HandWritten).GetAwaiter().GetResult();

    /// <summary>Sets up OpenAI .NET and checks it returns the image.</summary>
    [GlobalSetup(Target = nameof(OpenAi))]
    public void SetupOpenAi() => SetupAsync(InlineImageContender.OpenAi).GetAwaiter().GetResult();

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _clients?.Dispose();
        _clients = null;
    }

    /// <summary>Buffer the body, then <c>Base64.DecodeFromUtf8</c> into one array.</summary>
    /// <returns>The image.</returns>
    [Benchmark(Baseline = true)]
    public Task<ReadOnlyMemory<byte>> Floor() => Clients.GenerateAsync(InlineImageContender.Floor, _imageBytes, CancellationToken.None);

    /// <summary>NanoBanana.Sdk: <c>GeminiImageClient.GenerateAsync</c>.</summary>
    /// <returns>The image.</returns>
    [Benchmark]
    public Task<ReadOnlyMemory<byte>> Sdk() => Clients.GenerateAsync(InlineImageContender.Sdk, _imageBytes, CancellationToken.None);

    /// <summary>HttpClient + <c>ReadFromJsonAsync</c> (source-generated) + <c>Convert.FromBase64String</c>.</summary>
    /// <returns>The image.</returns>
    [Benchmark]
    public Task<ReadOnlyMemory<byte>> HandWritten() => Clients.GenerateAsync(InlineImageContender.HandWritten, _imageBytes, CancellationToken.None);

    /// <summary>OpenAI .NET 2.15: <c>ImageClient.GenerateImageAsync</c> with <c>b64_json</c>.</summary>
    /// <returns>The image.</returns>
    [Benchmark]
    public Task<ReadOnlyMemory<byte>> OpenAi() => Clients.GenerateAsync(InlineImageContender.OpenAi, _imageBytes, CancellationToken.None);

    /// <summary>The key a case's figures and failure are reported under, e.g. <c>Sdk/8</c>.</summary>
    internal static string Key(InlineImageContender contender, int mebibytes) => $"{contender}/{mebibytes}";

    private InlineImageClients Clients => _clients ?? throw new InvalidOperationException("The benchmark was not set up.");

    private async Task SetupAsync(InlineImageContender contender)
    {
        _imageBytes = ImageBytes.Mebibytes(ImageMiB);
        _clients = new InlineImageClients(PayloadServerProcess.Shared.BaseAddress);
        await CaseFailures.CheckAsync(
            nameof(InlineImageBenchmarks) + "." + Key(contender, ImageMiB),
            () => _clients.VerifyAsync(contender, _imageBytes, CancellationToken.None));
    }
}
