using System.Collections.Concurrent;
using NanoBanana.Sdk.Benchmarks.Server;
using NanoBanana.Sdk.Providers.Gemini;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>
/// Every contender of the inline-image suite against the payload server. Each keeps one client (and so one kept-alive
/// connection) for every image size, so a warm-up call on a small image prepares exactly what a measured call uses.
/// </summary>
internal sealed class InlineImageClients : IDisposable
{
    private static readonly ConcurrentDictionary<int, ImageGenerationRequest> SdkRequests = new();

    private readonly Uri _server;
    private readonly HttpClient _http;
    private readonly FloorClient _floor;
    private readonly HandWrittenGeminiClient _handWritten;
    private readonly ConcurrentDictionary<int, OpenAiPeer> _openAi = new();

    public InlineImageClients(Uri server)
    {
        _server = server;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(GeminiRequestBody.ApiKeyHeader, "x");
        _floor = new FloorClient(_http);
        _handWritten = new HandWrittenGeminiClient(_http);
        Sdk = new GeminiImageClient(new GeminiImageClientOptions { BaseAddress = new Uri(server, Routes.GeminiBase), ApiKey = "x" });
    }

    /// <summary>The SDK client, also used by the save-to-file case.</summary>
    public GeminiImageClient Sdk { get; }

    /// <summary>The request the SDK sends for an image of <paramref name="imageBytes"/>, built once per size like an app's would be.</summary>
    public static ImageGenerationRequest SdkRequest(int imageBytes) =>
        SdkRequests.GetOrAdd(imageBytes, size => new() { Prompt = GeminiRequestBody.Prompt, Model = Routes.GeminiModel(size) });

    public async Task<ReadOnlyMemory<byte>> GenerateAsync(InlineImageContender contender, int imageBytes, CancellationToken cancellationToken) => contender switch
    {
        InlineImageContender.Floor => await _floor.GenerateAsync(Generate(imageBytes), cancellationToken),
        InlineImageContender.Sdk => (await Sdk.GenerateAsync(SdkRequest(imageBytes), cancellationToken)).Images[0].Data!.Value,
        InlineImageContender.HandWritten => await _handWritten.GenerateAsync(Generate(imageBytes), cancellationToken),
        InlineImageContender.OpenAi => await OpenAi(imageBytes).GenerateAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(contender), contender, null),
    };

    /// <summary>Fails unless the contender returns exactly the image the server sent: a benchmark must measure correct work.</summary>
    public async Task VerifyAsync(InlineImageContender contender, int imageBytes, CancellationToken cancellationToken)
    {
        var image = await GenerateAsync(contender, imageBytes, cancellationToken);
        if (!image.Span.SequenceEqual(ImageBytes.Create(imageBytes)))
        {
            throw new InvalidOperationException($"{contender} returned {image.Length} bytes that are not the {imageBytes}-byte image the server sent.");
        }
    }

    public void Dispose()
    {
        Sdk.Dispose();
        _http.Dispose();
    }

    private Uri Generate(int imageBytes) => new(_server, Routes.GeminiGenerate(imageBytes));

    private OpenAiPeer OpenAi(int imageBytes) => _openAi.GetOrAdd(imageBytes, size => new OpenAiPeer(new Uri(_server, Routes.OpenAiBase(size))));
}
