namespace NanoBanana.Sdk.Testing.Images;

/// <summary>The CRC-32 (ISO-HDLC, polynomial 0xEDB88320) that PNG chunks carry; System.IO.Hashing is not referenced.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The register value before any byte is added.</summary>
    public const uint Initial = 0xFFFFFFFFu;

    /// <summary>Feeds bytes into a running register started from <see cref="Initial"/>.</summary>
    public static uint Append(uint register, ReadOnlySpan<byte> data)
    {
        foreach (var value in data)
        {
            register = Table[(register ^ value) & 0xFF] ^ (register >> 8);
        }

        return register;
    }

    /// <summary>Turns a running register into the final checksum.</summary>
    public static uint Complete(uint register) => register ^ 0xFFFFFFFFu;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
