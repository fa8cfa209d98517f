namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>The model ids of <c>POST /nano-banana/images</c>. Other ids are sent as given, so new vendor models work too.</summary>
public static class AceDataModels
{
    /// <summary>Gemini 2.5 Flash Image, the vendor's default; takes no resolution (the SDK treats 2K and 4K as unsupported).</summary>
    public const string NanoBanana = "nano-banana";

    /// <summary>Gemini 3.1 Flash Image; 1K, 2K or 4K.</summary>
    public const string NanoBanana2 = "nano-banana-2";

    /// <summary>A lighter Nano Banana 2 that renders 1K only.</summary>
    public const string NanoBanana2Lite = "nano-banana-2-lite";

    /// <summary>Gemini 3 Pro Image; 1K, 2K or 4K.</summary>
    public const string NanoBananaPro = "nano-banana-pro";

    /// <summary>The <c>:official</c> variant of <see cref="NanoBanana"/> (undocumented; presumably Google's own channel).</summary>
    public const string NanoBananaOfficial = "nano-banana:official";

    /// <summary>The <c>:official</c> variant of <see cref="NanoBanana2Lite"/>.</summary>
    public const string NanoBanana2LiteOfficial = "nano-banana-2-lite:official";

    /// <summary>The <c>:official</c> variant of <see cref="NanoBanana2"/>.</summary>
    public const string NanoBanana2Official = "nano-banana-2:official";

    /// <summary>The <c>:official</c> variant of <see cref="NanoBananaPro"/>.</summary>
    public const string NanoBananaProOfficial = "nano-banana-pro:official";

    /// <summary>Every documented id, in the order of the vendor's generated SDK.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        NanoBanana, NanoBanana2, NanoBananaPro, NanoBanana2Lite,
        NanoBananaOfficial, NanoBanana2LiteOfficial, NanoBanana2Official, NanoBananaProOfficial,
    ];

    /// <summary>Whether the model renders only 1K (the base model ignores <c>resolution</c>; the lite model supports only 1K).</summary>
    internal static bool IsOneKOnly(string model) =>
        model is NanoBanana or NanoBananaOfficial or NanoBanana2Lite or NanoBanana2LiteOfficial;
}
