namespace NanoBanana.Sdk;

/// <summary>
/// Tells a reference image's format from its first bytes, so a file that is not what it claims is refused before it is
/// sent (and paid for) rather than by the vendor. A format counts only with its whole signature: PNG its 8 bytes, JPEG
/// <c>FF D8 FF</c>, WebP <c>RIFF</c> and <c>WEBP</c> at offset 8. Near misses that are plainly something else (a RIFF
/// audio or video file, a PNG whose signature a text-mode transfer damaged) and common non-image files (archives, PDF,
/// markup) are recognised so they are refused; bytes in no format known here are left for the vendor to judge.
/// </summary>
internal static class ImageSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 16;

    /// <summary>A PNG whose 8-byte signature starts right but does not end right (or at all), as a text-mode transfer or a cut copy leaves it.</summary>
    private const string DamagedPng = "image/x-damaged-png";

    /// <summary>A RIFF container whose form is not WebP, or that ends before naming its form.</summary>
    private const string OtherRiff = "application/x-riff";

    /// <summary>Formats a vendor documents for reference images: PNG, JPEG and WebP, which all of them take, and HEIC and HEIF, which one does.</summary>
    private static readonly string[] Sendable = ["image/png", "image/jpeg", "image/webp", "image/heic", "image/heif"];

    /// <summary>The media type the first bytes show, or <see langword="null"/> when they match no format known here.</summary>
    public static string? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => DamagedPng,
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'A', (byte)'V', (byte)'E', ..] => "audio/wav",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'A', (byte)'V', (byte)'I', (byte)' ', ..] => "video/x-msvideo",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', ..] => OtherRiff,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => "image/gif",
        [(byte)'B', (byte)'M', _, _, _, _, 0, 0, 0, 0, ..] => "image/bmp",
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "image/tiff",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => "application/pdf",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "application/zip",
        [0x1F, 0x8B, 0x08, ..] => "application/gzip",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', .. var brand] when brand.Length >= 4 => FromBrand(brand[..4]),
        _ => FromMarkup(head),
    };

    /// <summary>Whether a vendor may take this detected format.</summary>
    public static bool IsSendable(string mediaType) => Sendable.Contains(mediaType, StringComparer.Ordinal);

    /// <summary>The media type a caller gave (or a file name implies), normalised; <see langword="null"/> when it names no image format known here.</summary>
    public static string? Normalize(string? mediaType)
    {
        var bare = mediaType?.Split(';')[0].Trim().ToLowerInvariant();
        return bare switch
        {
            "image/jpg" or "image/pjpeg" => "image/jpeg",
            "image/png" or "image/jpeg" or "image/webp" or "image/gif" or "image/bmp" or "image/tiff" or "image/heic" or "image/heif" or "image/avif" => bare,
            _ => null,
        };
    }

    /// <summary>The image media type a file name implies, or <see langword="null"/>.</summary>
    public static string? FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".bmp" => "image/bmp",
        ".tif" or ".tiff" => "image/tiff",
        ".heic" => "image/heic",
        ".heif" => "image/heif",
        ".avif" => "image/avif",
        _ => null,
    };

    /// <summary>Whether two image media types name the same format (HEIC is a kind of HEIF).</summary>
    public static bool SameFormat(string a, string b) =>
        a == b || (a is "image/heic" or "image/heif" && b is "image/heic" or "image/heif");

    /// <summary>A short name for messages, for example <c>GIF</c>.</summary>
    public static string Name(string mediaType) => mediaType switch
    {
        "application/pdf" => "PDF",
        DamagedPng => "PNG with a damaged or incomplete signature (as a text-mode transfer or a cut copy leaves it)",
        OtherRiff => "RIFF file that is not WebP",
        "audio/wav" => "WAV audio file",
        "video/x-msvideo" => "AVI video",
        "video/mp4" => "MP4 video",
        "video/quicktime" => "QuickTime video",
        "application/zip" => "ZIP archive",
        "application/gzip" => "gzip archive",
        "image/svg+xml" => "SVG drawing",
        "application/xml" => "XML document",
        "text/html" => "web page",
        _ => mediaType["image/".Length..].ToUpperInvariant(),
    };

    private static string? FromBrand(ReadOnlySpan<byte> brand) => brand switch
    {
        [(byte)'h', (byte)'e', (byte)'i' or (byte)'v', (byte)'c' or (byte)'x' or (byte)'m' or (byte)'s'] => "image/heic",
        [(byte)'m', (byte)'i' or (byte)'s', (byte)'f', (byte)'1'] => "image/heif",
        [(byte)'a', (byte)'v', (byte)'i', (byte)'f' or (byte)'s'] => "image/avif",
        [(byte)'i', (byte)'s', (byte)'o', (byte)'m' or (byte)'2' or (byte)'4' or (byte)'5' or (byte)'6']
            or [(byte)'m', (byte)'p', (byte)'4', (byte)'1' or (byte)'2'] or [(byte)'M', (byte)'4', (byte)'V', (byte)' '] => "video/mp4",
        [(byte)'q', (byte)'t', (byte)' ', (byte)' '] => "video/quicktime",
        _ => null,
    };

    /// <summary>Markup that is no raster image: an SVG drawing, another XML document or a web page (after any byte order mark and white space).</summary>
    private static string? FromMarkup(ReadOnlySpan<byte> head)
    {
        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n"u8);
        return StartsWithIgnoringCase(text, "<svg"u8) ? "image/svg+xml"
            : StartsWithIgnoringCase(text, "<?xml"u8) ? "application/xml"
            : StartsWithIgnoringCase(text, "<!doctype html"u8) || StartsWithIgnoringCase(text, "<html"u8) ? "text/html"
            : null;
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
