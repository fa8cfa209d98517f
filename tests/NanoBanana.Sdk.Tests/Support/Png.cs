using System.Buffers.Binary;

namespace NanoBanana.Sdk.Tests.Support;

/// <summary>Reads the facts a test needs from a PNG file: its signature and the IHDR size.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Whether the bytes start with the PNG signature.</summary>
    /// <param name="data">The file bytes.</param>
    /// <returns>True for a PNG.</returns>
    /// <summary>A valid 1×1 PNG, for reference-image uploads.</summary>
    public static byte[] Tiny { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.Length >= 8 && data[..8].SequenceEqual(Signature);

    /// <summary>Reads width and height from the IHDR chunk, which must come first.</summary>
    /// <param name="data">The file bytes.</param>
    /// <returns>The size.</returns>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> data)
    {
        if (!HasSignature(data) || data.Length < 24 || !data[12..16].SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("Not a PNG with a leading IHDR chunk.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(data[16..20]), BinaryPrimitives.ReadInt32BigEndian(data[20..24]));
    }
}
