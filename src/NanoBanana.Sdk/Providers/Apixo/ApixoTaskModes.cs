namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>Values of <c>input.mode</c>.</summary>
public static class ApixoTaskModes
{
    /// <summary>Generate from the prompt alone.</summary>
    public const string TextToImage = "text-to-image";

    /// <summary>Generate from the prompt and the reference images in <c>image_urls</c>.</summary>
    public const string ImageToImage = "image-to-image";
}
