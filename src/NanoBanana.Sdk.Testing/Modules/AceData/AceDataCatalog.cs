using System.Collections.Frozen;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>The documented models, aspect ratios and resolutions, and how big an image each combination renders.</summary>
internal static class AceDataCatalog
{
    public const string DefaultModel = "nano-banana";
    public const string DefaultAspectRatio = "1:1";
    public const string DefaultResolution = "1K";

    public static FrozenSet<string> Models { get; } = new[]
    {
        "nano-banana", "nano-banana-2", "nano-banana-pro", "nano-banana-2-lite",
        "nano-banana:official", "nano-banana-2-lite:official", "nano-banana-2:official", "nano-banana-pro:official",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenDictionary<string, (int Width, int Height)> AspectRatios { get; } =
        new Dictionary<string, (int Width, int Height)>(StringComparer.Ordinal)
        {
            ["1:1"] = (1, 1), ["3:2"] = (3, 2), ["2:3"] = (2, 3), ["16:9"] = (16, 9), ["9:16"] = (9, 16), ["4:3"] = (4, 3), ["3:4"] = (3, 4),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, int> Resolutions { get; } =
        new Dictionary<string, int>(StringComparer.Ordinal) { ["1K"] = 1024, ["2K"] = 2048, ["4K"] = 4096 }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The lite model renders 1K only (Ace Data's n8n node), so asking it for more is a 400.</summary>
    public static bool IsLite(string model) => model.StartsWith("nano-banana-2-lite", StringComparison.Ordinal);

    /// <summary>The base model ignores <c>resolution</c> (an assumption where the docs disagree), so it always renders 1K.</summary>
    public static bool IgnoresResolution(string model) => model.StartsWith("nano-banana:", StringComparison.Ordinal) || model == DefaultModel;
}
