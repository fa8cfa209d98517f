using System.Collections.Frozen;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>
/// The aspect ratios the emulator accepts. The vendor documents none: this list (Gemini's ratios plus the
/// observed <c>default</c> and <c>auto</c>, both meaning 1:1) is an assumption; anything else is a 400.
/// </summary>
internal static class NanaNanoBananaAspectRatios
{
    /// <summary>The documented default value of <c>aspectRatio</c>.</summary>
    public const string Default = "default";

    private static readonly FrozenDictionary<string, (int Width, int Height)> Known =
        new Dictionary<string, (int Width, int Height)>(StringComparer.Ordinal)
        {
            ["1:1"] = (1, 1), ["2:3"] = (2, 3), ["3:2"] = (3, 2), ["3:4"] = (3, 4), ["4:3"] = (4, 3),
            ["4:5"] = (4, 5), ["5:4"] = (5, 4), ["9:16"] = (9, 16), ["16:9"] = (16, 9), ["21:9"] = (21, 9),
            ["1:4"] = (1, 4), ["4:1"] = (4, 1), ["1:8"] = (1, 8), ["8:1"] = (8, 1),
            [Default] = (1, 1), ["auto"] = (1, 1),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryParse(string value, out (int Width, int Height) ratio) => Known.TryGetValue(value, out ratio);
}
