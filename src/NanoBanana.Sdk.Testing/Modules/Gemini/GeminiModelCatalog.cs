using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// The models of protocols/gemini-official.md's Nano Banana table, earlier and GA ids and aliases included, with the
/// sizes, ratios and reference limits that table gives. The two "reported later, unverified" models are served with
/// the limits reported for them.
/// </summary>
internal static class GeminiModelCatalog
{
    // Output-image token costs from the protocol file: 1290 per 2.5 Flash image; 1120 up to 2K and 2000 at 4K for
    // Gemini 3 models (assumed for the 3.1 family and its 512 tier too).
    private static readonly Func<int, int> FlashImageTokens = _ => 1290;
    private static readonly Func<int, int> Gemini3ImageTokens = longSide => longSide >= 4096 ? 2000 : 1120;

    private static readonly IReadOnlyDictionary<string, int> ProSizes = Sizes(("1K", 1024), ("2K", 2048), ("4K", 4096));

    // "512" is the spelling the protocol file recommends for the 0.5K tier; "0.5K" and "512px" are not accepted.
    private static readonly IReadOnlyDictionary<string, int> Flash31Sizes = Sizes(("512", 512), ("1K", 1024), ("2K", 2048), ("4K", 4096));

    public static IReadOnlyList<GeminiModel> All { get; } =
    [
        .. new[] { "gemini-2.5-flash-image", "gemini-2.5-flash-image-preview" }.Select(id =>
            new GeminiModel(id, "Nano Banana", "Gemini 2.5 Flash Image: fast native image generation and editing, 1K output.")
            {
                AspectRatios = GeminiAspectRatios.Standard,
                ImageTokens = FlashImageTokens,
            }),
        .. new[] { "gemini-3-pro-image-preview", "gemini-3-pro-image", "nano-banana-pro-preview" }.Select(id =>
            new GeminiModel(id, "Nano Banana Pro", "Gemini 3 Pro Image: studio-quality generation and editing up to 4K, with thinking.")
            {
                AspectRatios = GeminiAspectRatios.Standard,
                ImageSizes = ProSizes,
                Thinks = true,
                ShowsThoughtDrafts = true,
                MaxReferenceImages = 14,
                ImageTokens = Gemini3ImageTokens,
            }),
        .. new[] { "gemini-3.1-flash-image-preview", "gemini-3.1-flash-image" }.Select(id =>
            new GeminiModel(id, "Nano Banana 2", "Gemini 3.1 Flash Image: fast generation from 512 px to 4K, 14 aspect ratios.")
            {
                AspectRatios = GeminiAspectRatios.Extended,
                ImageSizes = Flash31Sizes,
                Thinks = true,
                SendsDraftBeforeLargeImages = true,
                MaxReferenceImages = 14,
                ImageTokens = Gemini3ImageTokens,
            }),
        new GeminiModel("gemini-nano-banana-2.1", "Nano Banana 2.1", "Reported later, unverified: 14 aspect ratios at 1K, 2K and 4K; no 512 tier.")
        {
            AspectRatios = GeminiAspectRatios.Extended,
            ImageSizes = ProSizes,
            Thinks = true,
            MaxReferenceImages = 14,
            ImageTokens = Gemini3ImageTokens,
        },
        new GeminiModel("gemini-3.1-flash-lite-image", "Nano Banana 2 Lite", "Reported by a gateway, unverified: 1K output only.")
        {
            AspectRatios = GeminiAspectRatios.Extended,
            ImageSizes = Sizes(("1K", 1024)),
            Thinks = true,
            MaxReferenceImages = 14,
            ImageTokens = Gemini3ImageTokens,
        },
    ];

    private static readonly FrozenDictionary<string, GeminiModel> ById =
        All.ToFrozenDictionary(model => model.Id, StringComparer.Ordinal);

    public static bool TryFind(string id, [NotNullWhen(true)] out GeminiModel? model) => ById.TryGetValue(id, out model);

    private static ReadOnlyDictionary<string, int> Sizes(params (string Name, int LongSide)[] sizes)
    {
        var ordered = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, longSide) in sizes)
        {
            ordered.Add(name, longSide);
        }

        return new ReadOnlyDictionary<string, int>(ordered);
    }
}
