using System.Buffers;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// APIXO's Nano Banana model ids, the <c>{model}</c> path segment of <c>generateTask</c> and <c>statusTask</c>. Any other id
/// APIXO serves can be passed as it is.
/// </summary>
public static class ApixoModels
{
    /// <summary>Nano Banana (Gemini 2.5 Flash Image): up to 5 reference images, no resolution choice.</summary>
    public const string NanoBanana = "nano-banana";

    /// <summary>Nano Banana Pro (Gemini 3 Pro Image): 1K, 2K or 4K.</summary>
    public const string NanoBananaPro = "nano-banana-pro";

    /// <summary>Nano Banana 2 (Gemini 3.1 Flash Image): up to 14 reference images, 1K, 2K or 4K.</summary>
    public const string NanoBanana2 = "nano-banana-2";

    // A model id is one path segment; these characters cover every id APIXO documents.
    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    /// <summary>Whether <paramref name="model"/> can be a path segment: letters, digits, <c>.</c>, <c>_</c> and <c>-</c> only.</summary>
    internal static bool IsValidId(string? model) =>
        !string.IsNullOrEmpty(model) && !model.AsSpan().ContainsAnyExcept(IdCharacters) && model is not ("." or "..");
}
