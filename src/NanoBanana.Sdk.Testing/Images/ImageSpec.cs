namespace NanoBanana.Sdk.Testing.Images;

/// <summary>What a generated image looks like: its pixel size and the seed of its pattern.</summary>
internal readonly record struct ImageSpec(int Width, int Height, ulong Seed)
{
    /// <summary>Sizes an image of aspect ratio <paramref name="ratioWidth"/>:<paramref name="ratioHeight"/> whose long side is <paramref name="longSide"/> pixels.</summary>
    public static ImageSpec ForAspectRatio(int ratioWidth, int ratioHeight, int longSide, string prompt)
    {
        var width = ratioWidth >= ratioHeight ? longSide : Scale(longSide, ratioWidth, ratioHeight);
        var height = ratioWidth >= ratioHeight ? Scale(longSide, ratioHeight, ratioWidth) : longSide;
        return new ImageSpec(width, height, StableHash.Of(prompt));
    }

    private static int Scale(int longSide, int shortRatio, int longRatio) =>
        Math.Max(1, (int)Math.Round((double)longSide * shortRatio / longRatio, MidpointRounding.AwayFromZero));
}
