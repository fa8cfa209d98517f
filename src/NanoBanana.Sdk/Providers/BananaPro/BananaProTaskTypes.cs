namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The values of the submit's <c>type</c> field.</summary>
public static class BananaProTaskTypes
{
    /// <summary>Generate from the prompt alone (the vendor's default).</summary>
    public const string TextToImage = "text-to-image";

    /// <summary>Edit or restyle the images in <c>image_urls</c>.</summary>
    public const string ImageToImage = "image-to-image";
}
