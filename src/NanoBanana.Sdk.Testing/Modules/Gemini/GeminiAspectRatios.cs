using System.Collections.ObjectModel;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// The <c>imageConfig.aspectRatio</c> values of protocols/gemini-official.md, as width:height terms, in the
/// protocol file's order (error messages list them in that order).
/// </summary>
internal static class GeminiAspectRatios
{
    /// <summary>The ten ratios every Nano Banana model takes.</summary>
    public static IReadOnlyDictionary<string, (int Width, int Height)> Standard { get; } = Build(
        ("1:1", 1, 1), ("2:3", 2, 3), ("3:2", 3, 2), ("3:4", 3, 4), ("4:3", 4, 3),
        ("4:5", 4, 5), ("5:4", 5, 4), ("9:16", 9, 16), ("16:9", 16, 9), ("21:9", 21, 9));

    /// <summary>The ten above plus the four extreme ratios that only the Gemini 3.1 Flash family takes (14 in all).</summary>
    public static IReadOnlyDictionary<string, (int Width, int Height)> Extended { get; } = Build(
        [.. Standard.Select(pair => (pair.Key, pair.Value.Width, pair.Value.Height)), ("1:4", 1, 4), ("4:1", 4, 1), ("1:8", 1, 8), ("8:1", 8, 1)]);

    /// <summary>The ratio used when a request names none (the model "picks"; we pick square).</summary>
    public static (int Width, int Height) Default => (1, 1);

    private static ReadOnlyDictionary<string, (int Width, int Height)> Build(params (string Name, int Width, int Height)[] ratios)
    {
        var ordered = new OrderedDictionary<string, (int Width, int Height)>(StringComparer.Ordinal);
        foreach (var (name, width, height) in ratios)
        {
            ordered.Add(name, (width, height));
        }

        return new ReadOnlyDictionary<string, (int Width, int Height)>(ordered);
    }
}
