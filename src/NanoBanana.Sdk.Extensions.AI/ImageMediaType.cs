namespace NanoBanana.Sdk.Extensions.AI;

/// <summary>Reads an image's format from its first bytes, because vendors sometimes declare a media type that differs from what they send.</summary>
internal static class ImageMediaType
{
    /// <summary>The media type the bytes are, else the declared one, else <c>application/octet-stream</c>.</summary>
    public static string Of(ReadOnlySpan<byte> data, string? declared) =>
        Sniff(data) ?? (string.IsNullOrWhiteSpace(declared) ? "application/octet-stream" : declared);

    private static string? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        return null;
    }
}
