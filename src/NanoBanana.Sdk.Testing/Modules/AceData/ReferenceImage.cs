using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>
/// One <c>image_urls</c> entry: a public http(s) URL, or a <c>data:image/(png|jpeg|webp);base64,</c> URI of at most 10 MiB.
/// The emulator fetches no URLs; it reads the pixel size of PNG data URIs, so an edit can follow the first image's shape.
/// </summary>
internal sealed record ReferenceImage(int? Width, int? Height)
{
    public const long MaxBytes = 10L * 1024 * 1024;

    private const string DataPrefix = "data:";
    private const string Base64Marker = ";base64,";
    private static readonly string[] MediaTypes = ["image/png", "image/jpeg", "image/webp"];

    public static bool TryParse(string value, [NotNullWhen(true)] out ReferenceImage? image, [NotNullWhen(false)] out string? error)
    {
        image = null;
        if (!value.StartsWith(DataPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var isUrl = Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
            image = isUrl ? new ReferenceImage(null, null) : null;
            error = isUrl ? null : $"image_urls entry '{Shorten(value)}' is neither an http(s) URL nor a data URI.";
            return isUrl;
        }

        var marker = value.IndexOf(Base64Marker, StringComparison.Ordinal);
        var mediaType = marker < 0 ? null : value[DataPrefix.Length..marker].ToLowerInvariant();
        if (mediaType is null || !MediaTypes.Contains(mediaType))
        {
            error = "image_urls data URIs must be data:image/png, image/jpeg or image/webp with ;base64,.";
            return false;
        }

        var payload = value.AsSpan(marker + Base64Marker.Length);
        var bytes = new byte[payload.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(payload, bytes, out var written))
        {
            error = "image_urls data URI is not valid base64.";
            return false;
        }

        if (written > MaxBytes)
        {
            error = $"image_urls entry is {written} bytes; each image may be at most 10 MB.";
            return false;
        }

        image = PngSize(bytes.AsSpan(0, written)) is var (width, height) ? new ReferenceImage(width, height) : new ReferenceImage(null, null);
        error = null;
        return true;
    }

    private static (int Width, int Height)? PngSize(ReadOnlySpan<byte> data) =>
        data.Length >= 24 && data[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && data[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(data[16..20]), BinaryPrimitives.ReadInt32BigEndian(data[20..24]))
            : null;

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
