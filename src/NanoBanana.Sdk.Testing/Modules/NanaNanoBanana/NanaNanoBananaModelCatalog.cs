using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>The models the emulator offers: the live ids and costs reported in the protocol notes.</summary>
internal static class NanaNanoBananaModelCatalog
{
    /// <summary>The model used when a request names none (documented default).</summary>
    public const string DefaultModel = "nano-banana";

    public static IReadOnlyList<NanaNanoBananaModel> All { get; } =
    [
        new("nano-banana", "Nano Banana", 1, RequiresPro: false),
        new("gemini-2.5-flash-image", "Gemini 2.5 Flash Image", 1, RequiresPro: false),
        new("nanobanan-2", "Nano Banana 2", 3, RequiresPro: false),
        new("nanobanan-2-2k", "Nano Banana 2 (2K)", 4, RequiresPro: false),
        new("nanobanan-2-4k", "Nano Banana 2 (4K)", 5, RequiresPro: false),
        new("nanobanan2&pro", "Nano Banana 2 Pro", 3, RequiresPro: true),
        new("nanobanan2&pro-2k", "Nano Banana 2 Pro (2K)", 4, RequiresPro: true),
    ];

    public static bool TryFind(string name, [NotNullWhen(true)] out NanaNanoBananaModel? model)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                model = candidate;
                return true;
            }
        }

        model = null;
        return false;
    }
}
