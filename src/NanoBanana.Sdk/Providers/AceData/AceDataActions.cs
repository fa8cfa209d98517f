namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>The values of the <c>action</c> field of <c>POST /nano-banana/images</c>.</summary>
public static class AceDataActions
{
    /// <summary>Text to image; <c>aspect_ratio</c> and <c>resolution</c> apply.</summary>
    public const string Generate = "generate";

    /// <summary>Edit the images in <c>image_urls</c> (1 to 16); size and shape follow the first image.</summary>
    public const string Edit = "edit";
}
