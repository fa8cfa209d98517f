namespace NanoBanana.Sdk.Failover;

/// <summary>What every provider of a failover chain supports: a request within it can run on whichever provider takes the job.</summary>
internal static class FailoverCapabilities
{
    public static ImageGenerationCapabilities Intersect(IReadOnlyList<ImageGenerationCapabilities> all) => new()
    {
        NativeSync = all.All(c => c.NativeSync),
        NativeStreaming = all.All(c => c.NativeStreaming),
        NativeAsync = all.All(c => c.NativeAsync),
        NativeWebhooks = all.All(c => c.NativeWebhooks),
        SupportsIdempotencyKey = all.All(c => c.SupportsIdempotencyKey),
        SupportsInputImages = all.All(c => c.SupportsInputImages),
        SupportsInputImageBytes = all.All(c => c.SupportsInputImageBytes),
        MaxInputImages = all.Min(c => c.MaxInputImages),
        MaxImageCount = all.Min(c => c.MaxImageCount),
        AspectRatios = Common(all, c => c.AspectRatios, EqualityComparer<AspectRatio>.Default),
        Resolutions = Common(all, c => c.Resolutions, EqualityComparer<ImageResolution>.Default),
        OutputMediaTypes = Common(all, c => c.OutputMediaTypes, StringComparer.OrdinalIgnoreCase),
    };

    private static T[] Common<T>(IReadOnlyList<ImageGenerationCapabilities> all, Func<ImageGenerationCapabilities, IReadOnlyList<T>> pick, IEqualityComparer<T> comparer) =>
        [.. all.Skip(1).Aggregate((IEnumerable<T>)pick(all[0]), (common, next) => common.Intersect(pick(next), comparer))];
}
