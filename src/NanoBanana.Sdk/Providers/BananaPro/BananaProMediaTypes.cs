namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>Tells an image's media type from its file name or URL path.</summary>
internal static class BananaProMediaTypes
{
    public static string? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => null,
    };

    /// <summary>The media type a reference image is sent with inline; <see langword="null"/> for URL references.</summary>
    /// <exception cref="ArgumentException">A file whose type cannot be told from its name and was not given.</exception>
    public static string? OfInlineImage(ImageInput image) => image.Kind switch
    {
        ImageInputKind.Uri => null,
        ImageInputKind.File => image.MediaType ?? FromPath(image.FilePath!) ?? throw new ArgumentException(
            $"Cannot tell the media type of the reference image file '{image.FilePath}' from its name; pass it to ImageInput.FromFile(path, mediaType).",
            nameof(image)),
        _ => image.MediaType,
    };
}
