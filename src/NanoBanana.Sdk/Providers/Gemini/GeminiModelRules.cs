namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// What the Nano Banana models documented in Google's protocol accept, so a request they would refuse is rejected
/// before it is sent. Any other model id (a newer model, a gateway alias) is sent as given, unchecked.
/// </summary>
internal sealed class GeminiModelRules
{
    private const string ModelPrefix = "models/";

    private static readonly IReadOnlyList<AspectRatio> TenRatios =
    [
        AspectRatio.Square, AspectRatio.Portrait2x3, AspectRatio.Landscape3x2, AspectRatio.Portrait3x4, AspectRatio.Landscape4x3,
        AspectRatio.Portrait4x5, AspectRatio.Landscape5x4, AspectRatio.Portrait9x16, AspectRatio.Landscape16x9, AspectRatio.Landscape21x9,
    ];

    private static readonly GeminiModelRules Flash25 = new("Gemini 2.5 Flash Image", TenRatios, [ImageResolution.OneK], sendsImageSize: false);

    private static readonly GeminiModelRules Pro3 =
        new("Gemini 3 Pro Image", TenRatios, [ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK], sendsImageSize: true);

    private static readonly GeminiModelRules Flash31 = new(
        "Gemini 3.1 Flash Image",
        AspectRatio.KnownRatios,
        [ImageResolution.HalfK, ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK],
        sendsImageSize: true);

    private static readonly Dictionary<string, GeminiModelRules> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gemini-2.5-flash-image"] = Flash25,
        ["gemini-2.5-flash-image-preview"] = Flash25,
        ["gemini-3-pro-image-preview"] = Pro3,
        ["gemini-3-pro-image"] = Pro3,
        ["nano-banana-pro-preview"] = Pro3,
        ["gemini-3.1-flash-image-preview"] = Flash31,
        ["gemini-3.1-flash-image"] = Flash31,
    };

    private GeminiModelRules(string displayName, IReadOnlyList<AspectRatio> aspectRatios, IReadOnlyList<ImageResolution> sizes, bool sendsImageSize)
    {
        DisplayName = displayName;
        AspectRatios = aspectRatios;
        Sizes = sizes;
        SendsImageSize = sendsImageSize;
    }

    public string DisplayName { get; }

    public IReadOnlyList<AspectRatio> AspectRatios { get; }

    public IReadOnlyList<ImageResolution> Sizes { get; }

    /// <summary>False for 2.5 Flash Image, which has one size and no <c>imageSize</c> setting.</summary>
    public bool SendsImageSize { get; }

    /// <summary>The rules of a known model, or <see langword="null"/> for any other id.</summary>
    public static GeminiModelRules? Find(string model) => Known.GetValueOrDefault(Normalize(model));

    /// <summary>The bare id: the <c>models/</c> prefix that <c>GET models</c> returns is dropped, since the path already has it.</summary>
    public static string Normalize(string model)
    {
        var trimmed = model.Trim();
        return trimmed.StartsWith(ModelPrefix, StringComparison.Ordinal) ? trimmed[ModelPrefix.Length..] : trimmed;
    }
}
