using System.Buffers.Binary;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// The vendor-specific checks of an images request, run before anything is sent: the action, the edit image count, the
/// 10 MiB limit per image, and the format of bytes and files (from the given media type, else from their magic bytes).
/// </summary>
internal static class AceDataImageRequestRules
{
    /// <summary>Each reference image may be at most 10 MB (read as MiB of image bytes; the docs do not say which).</summary>
    public const long MaxImageBytes = 10L * 1024 * 1024;

    /// <summary>Ace Data's own n8n node accepts 1 to 16 images for an edit.</summary>
    public const int MaxImages = 16;

    private static readonly string[] WrittenFields =
        ["action", "model", "prompt", "image_urls", "aspect_ratio", "resolution", "count", "callback_url", "async"];

    public static async Task<IReadOnlyList<AceDataImageSource>> CheckAsync(AceDataImageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ArgumentException("The prompt is empty or whitespace; describe the image to generate.", nameof(request));
        }

        if (request.Action is not (AceDataActions.Generate or AceDataActions.Edit))
        {
            throw new ArgumentException($"Action must be '{AceDataActions.Generate}' or '{AceDataActions.Edit}' (was '{request.Action}').", nameof(request));
        }

        var images = request.Images ?? [];
        if (request.Action == AceDataActions.Edit && images.Count == 0)
        {
            throw new ArgumentException("An edit needs at least one reference image in Images.", nameof(request));
        }

        if (images.Count > MaxImages)
        {
            throw new NotSupportedException($"AceData accepts at most {MaxImages} reference images; {images.Count} were given.");
        }

        if (request.Count is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Count, "Count must be at least 1.");
        }

        if (request.CallbackUrl is { } callback && !(callback.IsAbsoluteUri && callback.Scheme is "http" or "https"))
        {
            throw new ArgumentException($"CallbackUrl '{callback.OriginalString}' must be an absolute http(s) URL.", nameof(request));
        }

        if (request.AdditionalProperties?.Keys.FirstOrDefault(k => WrittenFields.Contains(k, StringComparer.Ordinal)) is { } repeated)
        {
            throw new ArgumentException($"AdditionalProperties repeats '{repeated}', which the SDK writes itself; set it through the request instead.", nameof(request));
        }

        var sources = new List<AceDataImageSource>(images.Count);
        foreach (var image in images)
        {
            sources.Add(await PrepareAsync(image, cancellationToken).ConfigureAwait(false));
        }

        return sources;
    }

    private static async Task<AceDataImageSource> PrepareAsync(ImageInput image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        switch (image.Kind)
        {
            case ImageInputKind.Uri:
                return new AceDataImageSource(image, null);
            case ImageInputKind.Bytes:
                CheckSize(image.Data.Length, "in memory");
                return new AceDataImageSource(image, MediaType(image.MediaType) ?? Sniff(image.Data.Span, "in memory"));
            default:
                var file = new FileInfo(image.FilePath!);
                CheckSize(file.Exists ? file.Length : throw new FileNotFoundException($"The reference image file '{file.FullName}' does not exist.", file.FullName), file.FullName);
                return new AceDataImageSource(
                    image, MediaType(image.MediaType) ?? Sniff(await ReadHeadAsync(file, cancellationToken).ConfigureAwait(false), file.FullName));
        }
    }

    private static void CheckSize(long length, string where)
    {
        if (length > MaxImageBytes)
        {
            throw new ArgumentException(
                $"The reference image {where} has {length} bytes; AceData accepts at most 10 MiB ({MaxImageBytes} bytes) per image. Shrink it or pass a URL.");
        }
    }

    private static string? MediaType(string? given) => given?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "image/png" => "image/png",
        "image/jpeg" or "image/jpg" => "image/jpeg",
        "image/webp" => "image/webp",
        var other => throw new NotSupportedException($"AceData accepts PNG, JPEG and WebP reference images; '{other}' is not one of them."),
    };

    private static string Sniff(ReadOnlySpan<byte> head, string where)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(head) == 0x52494646 && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        throw new ArgumentException(
            $"The reference image {where} is not a PNG, JPEG or WebP file (checked by its first bytes). Convert it, or pass its media type if it is one of these.");
    }

    private static async Task<byte[]> ReadHeadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var head = new byte[12];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return head[..read];
        }
    }
}
