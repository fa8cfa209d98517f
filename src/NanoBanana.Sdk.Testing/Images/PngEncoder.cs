using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace NanoBanana.Sdk.Testing.Images;

/// <summary>Encodes a painted image as a minimal valid PNG: 8-bit RGB, no interlace, filter 0 on every row.</summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private const int ChunkOverhead = 12; // length, type and CRC around the data
    private const int HeaderLength = 13;

    public static byte[] Encode(ImageSpec spec)
    {
        var pixels = CompressPixels(spec);
        var png = new byte[Signature.Length + ChunkOverhead + HeaderLength + ChunkOverhead + pixels.Length + ChunkOverhead];
        Signature.CopyTo(png, 0);
        var offset = Signature.Length;

        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteInt32BigEndian(header, spec.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], spec.Height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour RGB
        // compression, filter method and interlace stay 0
        offset += WriteChunk(png.AsSpan(offset), "IHDR"u8, header);
        offset += WriteChunk(png.AsSpan(offset), "IDAT"u8, pixels.Span);
        WriteChunk(png.AsSpan(offset), "IEND"u8, []);
        return png;
    }

    private static ReadOnlyMemory<byte> CompressPixels(ImageSpec spec)
    {
        var painter = new GradientPainter(spec);
        var rowLength = 1 + (spec.Width * 3);
        var row = ArrayPool<byte>.Shared.Rent(rowLength);
        try
        {
            var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                for (var y = 0; y < spec.Height; y++)
                {
                    row[0] = 0; // filter type None
                    painter.PaintRow(y, row.AsSpan(1, rowLength - 1));
                    zlib.Write(row, 0, rowLength);
                }
            }

            return compressed.GetBuffer().AsMemory(0, (int)compressed.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(row);
        }
    }

    private static int WriteChunk(Span<byte> destination, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, data.Length);
        type.CopyTo(destination[4..]);
        data.CopyTo(destination[8..]);
        var crc = Crc32.Complete(Crc32.Append(Crc32.Append(Crc32.Initial, type), data));
        BinaryPrimitives.WriteUInt32BigEndian(destination[(8 + data.Length)..], crc);
        return ChunkOverhead + data.Length;
    }
}
