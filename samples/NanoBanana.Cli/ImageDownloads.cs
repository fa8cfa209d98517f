using System.Globalization;
using NanoBanana.Cli.Output;
using NanoBanana.Cli.Progress;
using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>Saves every image of a result as <c>{operation id}-{n}.{ext}</c>, showing download progress; existing files are never replaced.</summary>
internal static class ImageDownloads
{
    public const string DefaultDirectory = "nanobanana-output";

    private const int BufferSize = 81920;

    public static async Task<IReadOnlyList<ImageDocument>> SaveAllAsync(
        ImageGenerationResult result, string directory, CommandOutput output, CancellationToken cancellationToken)
    {
        var stem = FileStem(result.OperationId);
        var saved = new List<ImageDocument>(result.Images.Count);
        using var progress = output.DownloadProgress(result.Images.Count);
        for (var index = 0; index < result.Images.Count; index++)
        {
            var image = result.Images[index];
            var path = FreePath(Path.GetFullPath(directory), $"{stem}-{index + 1}", Extension(image));
            var size = await SaveAsync(image, path, index + 1, progress, cancellationToken).ConfigureAwait(false);
            output.Line($"saved {path}");
            saved.Add(new ImageDocument(path, image.MediaType, size, image.Uri));
        }

        return saved;
    }

    /// <summary>Writes one image to a new file, counting the bytes for the progress bar; a partly written file is deleted.</summary>
    /// <returns>The file's size in bytes.</returns>
    private static async Task<long> SaveAsync(GeneratedImage image, string path, int number, DownloadProgress progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // CreateNew: the path was picked free, and an earlier file must never be replaced (nor deleted below).
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        try
        {
            await using (file.ConfigureAwait(false))
            {
                // Inline bytes are already here: nothing to download, so nothing to show.
                if (image.Data is { } data)
                {
                    await file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                    return data.Length;
                }

                var source = await image.OpenReadAsync(cancellationToken).ConfigureAwait(false);
                await using (source.ConfigureAwait(false))
                {
                    progress.Start(number, KnownLength(source));
                    var buffer = new byte[BufferSize];
                    long written = 0;
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        written += read;
                        progress.Advance(written);
                    }

                    progress.Finish();
                    return written;
                }
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    // A download stream cannot seek, but may still know its Content-Length; by the Stream contract it throws otherwise.
    private static long? KnownLength(Stream stream)
    {
        try
        {
            return stream.Length;
        }
        catch (NotSupportedException)
        {
            return null;
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
