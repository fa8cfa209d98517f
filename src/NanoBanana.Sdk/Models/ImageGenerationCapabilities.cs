namespace NanoBanana.Sdk;

/// <summary>What a provider supports, and which of the common methods it serves natively rather than by emulation.</summary>
public sealed record ImageGenerationCapabilities
{
    /// <summary>The vendor has a call that returns the finished image.</summary>
    public bool NativeSync { get; init; }

    /// <summary>The vendor streams progress (SSE).</summary>
    public bool NativeStreaming { get; init; }

    /// <summary>The vendor accepts a job and lets it be polled by id.</summary>
    public bool NativeAsync { get; init; }

    /// <summary>The vendor calls back when a job ends.</summary>
    public bool NativeWebhooks { get; init; }

    /// <summary>The vendor recognises a resent submit by <see cref="ImageGenerationRequest.IdempotencyKey"/>.</summary>
    public bool SupportsIdempotencyKey { get; init; }

    /// <summary>Reference images are accepted.</summary>
    public bool SupportsInputImages { get; init; }

    /// <summary>Reference images may be given as bytes or files (not only as URLs).</summary>
    public bool SupportsInputImageBytes { get; init; }

    /// <summary>The most reference images per request, where known.</summary>
    public int? MaxInputImages { get; init; }

    /// <summary>The most images one request can ask for.</summary>
    public int MaxImageCount { get; init; } = 1;

    /// <summary>The aspect ratios accepted; empty when the vendor does not take one.</summary>
    public IReadOnlyList<AspectRatio> AspectRatios { get; init; } = [];

    /// <summary>The resolutions accepted as a request option; empty when size is chosen another way (for example by model id).</summary>
    public IReadOnlyList<ImageResolution> Resolutions { get; init; } = [];

    /// <summary>Output media types that can be asked for; empty when the vendor decides.</summary>
    public IReadOnlyList<string> OutputMediaTypes { get; init; } = [];
}
