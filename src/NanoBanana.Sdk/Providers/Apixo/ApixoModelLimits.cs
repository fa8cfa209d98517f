namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>What each documented model accepts. Ids outside this table pass through unchecked beyond the common capabilities.</summary>
internal sealed record ApixoModelLimits(
    int MaxInputImages, IReadOnlyList<AspectRatio> AspectRatios, IReadOnlyList<ImageResolution> Resolutions, int? MaxPromptLength)
{
    /// <summary>The ten Gemini 2.5/3 Pro ratios plus <c>auto</c>, as the <c>nano-banana</c> page lists them.</summary>
    private static readonly AspectRatio[] ClassicRatios =
    [
        AspectRatio.Square, AspectRatio.Portrait9x16, AspectRatio.Landscape16x9, AspectRatio.Landscape4x3, AspectRatio.Portrait3x4,
        AspectRatio.Landscape3x2, AspectRatio.Portrait2x3, AspectRatio.Landscape5x4, AspectRatio.Portrait4x5, AspectRatio.Landscape21x9, AspectRatio.Auto,
    ];

    private static readonly ImageResolution[] Sizes = [ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK];

    private static readonly ApixoModelLimits NanoBanana = new(5, ClassicRatios, [], 5000);
    private static readonly ApixoModelLimits NanoBananaPro = new(14, ClassicRatios, Sizes, null);
    private static readonly ApixoModelLimits NanoBanana2 = new(14, [.. AspectRatio.KnownRatios, AspectRatio.Auto], Sizes, null);

    /// <summary>The limits of a documented model, or <see langword="null"/> for any other id.</summary>
    public static ApixoModelLimits? For(string model) => model switch
    {
        ApixoModels.NanoBanana => NanoBanana,
        ApixoModels.NanoBananaPro => NanoBananaPro,
        ApixoModels.NanoBanana2 => NanoBanana2,
        _ => null,
    };
}
