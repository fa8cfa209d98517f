using System.Net.Http.Headers;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>Tells an image's media type from a file name or from its first bytes, and checks a given one.</summary>
internal static class MediaTypes
{
    /// <summary>Whether the text is a media type an upload part can carry, such as <c>image/png</c>.</summary>
    public static bool IsValid(string? mediaType) =>
        mediaType is not null && MediaTypeHeaderValue.TryParse(mediaType, out var parsed) && parsed.MediaType?.Contains('/', StringComparison.Ordinal) == true;

    public static string? FromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => null,
    };

    public static string? FromUrl(Uri url) => FromFileName(url.AbsolutePath);

    public static string? FromContent(ReadOnlySpan<byte> data) => data switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };

    public static string Extension(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        _ => string.Empty,
    };
}
