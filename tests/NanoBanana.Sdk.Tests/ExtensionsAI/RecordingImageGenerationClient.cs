namespace NanoBanana.Sdk.Tests.ExtensionsAI;

/// <summary>
/// A provider client that records what the adapter sends (request and token) and answers with a result the test
/// chooses. Only <see cref="GenerateAsync"/> is meant to be used: the other methods fail the test if the adapter calls them.
/// </summary>
internal sealed class RecordingImageGenerationClient : IImageGenerationClient
{
    private readonly Lock _gate = new();
    private readonly List<(ImageGenerationRequest Request, CancellationToken Token)> _calls = [];

    /// <summary>Capabilities like Gemini's: every documented ratio, the four tiers, no media type choice.</summary>
    public static ImageGenerationCapabilities GeminiLike { get; } = new()
    {
        SupportsInputImages = true,
        SupportsInputImageBytes = true,
        MaxImageCount = 4,
        AspectRatios = [.. AspectRatio.KnownRatios, AspectRatio.Auto],
        Resolutions = [ImageResolution.HalfK, ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK],
    };

    public string ProviderName { get; init; } = "Recording";

    public ImageGenerationCapabilities Capabilities { get; init; } = GeminiLike;

    /// <summary>Builds the answer; by default one inline PNG.</summary>
    public Func<ImageGenerationRequest, CancellationToken, ImageGenerationResult> Respond { get; init; } =
        (_, _) => new ImageGenerationResult { Provider = "Recording", Images = [GeneratedImage.FromBytes(Png.Tiny, "image/png")] };

    /// <summary>What <see cref="GetService"/> returns for its type (and for <see cref="TypedServiceKey"/>, when set).</summary>
    public object? TypedService { get; init; }

    public object? TypedServiceKey { get; init; }

    public IReadOnlyList<(ImageGenerationRequest Request, CancellationToken Token)> Calls
    {
        get { lock (_gate) { return [.. _calls]; } }
    }

    public ImageGenerationRequest LastRequest => Calls[^1].Request;

    public Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _calls.Add((request, cancellationToken));
        }

        return Task.FromResult(Respond(request, cancellationToken));
    }

    public IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The adapter must generate with GenerateAsync.");

    public Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The adapter must generate with GenerateAsync.");

    public Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The adapter must generate with GenerateAsync.");

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceKey is null && serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        return TypedService is not null && serviceType.IsInstanceOfType(TypedService) && Equals(serviceKey, TypedServiceKey) ? TypedService : null;
    }
}
