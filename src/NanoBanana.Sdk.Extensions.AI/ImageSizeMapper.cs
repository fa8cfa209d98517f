using System.Drawing;

namespace NanoBanana.Sdk.Extensions.AI;

/// <summary>
/// Maps a pixel size onto what the vendors take instead: the supported aspect ratio closest in shape, and the smallest
/// supported resolution tier whose long side covers the requested long side (the largest tier when none does).
/// </summary>
internal static class ImageSizeMapper
{
    public static (AspectRatio? AspectRatio, ImageResolution? Resolution) Map(Size size, ImageGenerationCapabilities capabilities)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "ImageSize must have a positive width and height.");
        }

        return (ClosestAspectRatio(size, capabilities.AspectRatios), CoveringResolution(Math.Max(size.Width, size.Height), capabilities.Resolutions));
    }

    /// <summary>Compares ratios on a log scale, so 2:1 and 1:2 are equally far from 1:1.</summary>
    private static AspectRatio? ClosestAspectRatio(Size size, IReadOnlyList<AspectRatio> supported)
    {
        var wanted = Math.Log((double)size.Width / size.Height);
        AspectRatio? best = null;
        var bestDistance = double.MaxValue;
        foreach (var ratio in supported)
        {
            if (!ratio.TryGetTerms(out var width, out var height))
            {
                continue;
            }

            var distance = Math.Abs(Math.Log((double)width / height) - wanted);
            if (distance < bestDistance)
            {
                best = ratio;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static ImageResolution? CoveringResolution(int longSide, IReadOnlyList<ImageResolution> supported)
    {
        var tiers = supported
            .Select(resolution => (Resolution: resolution, LongSide: LongSideOf(resolution)))
            .Where(tier => tier.LongSide > 0)
            .OrderBy(tier => tier.LongSide)
            .ToList();
        if (tiers.Count == 0)
        {
            return null;
        }

        foreach (var tier in tiers)
        {
            if (tier.LongSide >= longSide)
            {
                return tier.Resolution;
            }
        }

        return tiers[^1].Resolution;
    }

    /// <summary>The nominal long side of the documented tiers; 0 for a tier the SDK does not know, which is never chosen.</summary>
    private static int LongSideOf(ImageResolution resolution) =>
        resolution == ImageResolution.HalfK ? 512
        : resolution == ImageResolution.OneK ? 1024
        : resolution == ImageResolution.TwoK ? 2048
        : resolution == ImageResolution.FourK ? 4096
        : 0;
}
