using System.Globalization;
using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>Saves every image of a result as <c>{operation id}-{n}.{ext}</c> and prints each path; existing files are never replaced.</summary>
internal static class ImageDownloads
{
    public const string DefaultDirectory = "nanobanana-output";

    public static async Task SaveAllAsync(ImageGenerationResult result, string directory, CancellationToken cancellationToken)
    {
        var stem = FileStem(result.OperationId);
        for (var index = 0; index < result.Images.Count; index++)
        {
            var image = result.Images[index];
            var path = FreePath(Path.GetFullPath(directory), $"{stem}-{index + 1}", Extension(image));
            await image.SaveAsync(path, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"saved {path}");
        }

        if (result.Usage is { CreditsUsed: { } used } usage)
        {
            var remaining = usage.RemainingCredits is { } left ? $", {left} left" : string.Empty;
            Console.WriteLine($"credits used: {used}{remaining}");
        }
    }

    // The emulator numbers its ids from 1 in every run, and a job may be downloaded twice: keep earlier files.
    private static string FreePath(string directory, string name, string extension)
    {
        var path = Path.Combine(directory, name + extension);
        for (var copy = 2; File.Exists(path); copy++)
        {
            path = Path.Combine(directory, $"{name}_{copy}{extension}");
        }

        return path;
    }

    // Ids are the vendor's and could hold characters a file name cannot; a stream result may have none at all.
    private static string FileStem(string? operationId)
    {
        if (string.IsNullOrWhiteSpace(operationId))
        {
            return "nanobanana-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        }

        // Portable rather than this OS's list: a name made on Linux should still copy to Windows (':' is common in ids).
        return new string([.. operationId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
    }

    private static string Extension(GeneratedImage image) => image.MediaType?.ToLowerInvariant() switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        _ => image.Uri is { } uri && Path.GetExtension(uri.AbsolutePath) is { Length: > 1 } extension ? extension : ".img",
    };
}
