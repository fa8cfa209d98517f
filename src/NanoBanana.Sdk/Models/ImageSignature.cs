namespace NanoBanana.Sdk;

/// <summary>
/// Tells a reference image's format from its first bytes, so a file that is not what it claims is refused before it is
/// sent (and paid for) rather than by the vendor. Bytes it does not recognise are left for the vendor to judge.
/// </summary>
internal static class ImageSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 16;

    /// <summary>Formats a vendor documents for reference images: PNG, JPEG and WebP, which all of them take, and HEIC and HEIF, which one does.</summary>
    private static readonly string[] Sendable = ["image/png", "image/jpeg", "image/webp", "image/heic", "image/heif"];

    /// <summary>The media type the first bytes show, or <see langword="null"/> when they match no format known here.</summary>
    public static string? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => "image/gif",
        [(byte)'B', (byte)'M', _, _, _, _, 0, 0, 0, 0, ..] => "image/bmp",
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "image/tiff",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => "application/pdf",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', .. var brand] when brand.Length >= 4 => FromBrand(brand[..4]),
        _ => null,
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
        _ => mediaType["image/".Length..].ToUpperInvariant(),
    };

    private static string? FromBrand(ReadOnlySpan<byte> brand) => brand switch
    {
        [(byte)'h', (byte)'e', (byte)'i' or (byte)'v', (byte)'c' or (byte)'x' or (byte)'m' or (byte)'s'] => "image/heic",
        [(byte)'m', (byte)'i' or (byte)'s', (byte)'f', (byte)'1'] => "image/heif",
        [(byte)'a', (byte)'v', (byte)'i', (byte)'f' or (byte)'s'] => "image/avif",
        _ => null,
    };
}
