using System.Globalization;
using Microsoft.Extensions.AI;

namespace NanoBanana.ExtensionsAI;

/// <summary>One image written to disk: the content it came from and where it went.</summary>
internal sealed record SavedImage(DataContent Content, string Path);

/// <summary>Writes generated images to files named for their real media type.</summary>
internal static class ImageFiles
{
    /// <summary>Writes the first image of <paramref name="response"/> to <paramref name="pathWithoutExtension"/> plus its extension, replacing any older run's file.</summary>
    public static async Task<SavedImage> SaveFirstAsync(ImageGenerationResponse response, string pathWithoutExtension, CancellationToken cancellationToken)
    {
        var image = response.Contents.OfType<DataContent>().FirstOrDefault()
            ?? throw new InvalidOperationException("The response has no image data.");
        var path = pathWithoutExtension + ExtensionOf(image.MediaType);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, image.Data, cancellationToken);
        return new SavedImage(image, path);
    }

    public static string Describe(SavedImage saved, ImageGenerationResponse response)
    {
        var tokens = response.Usage?.TotalTokenCount is { } total ? string.Create(CultureInfo.InvariantCulture, $", {total:N0} tokens") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{saved.Path} ({saved.Content.MediaType}, {saved.Content.Data.Length:N0} bytes{tokens})");
    }

    private static string ExtensionOf(string mediaType) => mediaType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        _ => ".bin",
    };
}
