using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// Writes a reference image held as bytes or a file as one JSON string value — plain base64 or a <c>data:</c> URI —
/// encoding chunk by chunk straight into the request stream: no base64 string of the image ever exists, and a file is
/// never loaded whole (it is reopened when a retry writes the body again).
/// </summary>
internal static class ImageBase64Writer
{
    /// <summary>Whole 3-byte groups, so only the last chunk of an image carries base64 padding.</summary>
    private const int ChunkBytes = 3 * 16 * 1024;

    public static async Task WriteAsync(Utf8JsonWriter writer, ImageInput image, string? dataUriMediaType, CancellationToken cancellationToken)
    {
        if (image.Kind == ImageInputKind.Uri)
        {
            throw new ArgumentException("A URL reference has no bytes to encode; write its URL instead.", nameof(image));
        }

        // A data: prefix and base64 must share one string value, so the base64 is written as UTF-8 segments too.
        writer.WriteStringValueSegment(
            dataUriMediaType is null ? ReadOnlySpan<byte>.Empty : Encoding.ASCII.GetBytes($"data:{dataUriMediaType};base64,"), isFinalSegment: false);
        var raw = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkBytes));
        try
        {
            if (image.Kind == ImageInputKind.Bytes)
            {
                for (var offset = 0; offset < image.Data.Length; offset += ChunkBytes)
                {
                    var chunk = image.Data.Slice(offset, Math.Min(ChunkBytes, image.Data.Length - offset));
                    await WriteChunkAsync(writer, chunk.Span, encoded, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                var file = new FileStream(image.FilePath!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                await using (file.ConfigureAwait(false))
                {
                    int read;
                    // Reading at least a full chunk keeps every chunk but the last a multiple of 3 bytes.
                    while ((read = await file.ReadAtLeastAsync(raw.AsMemory(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false, cancellationToken)
                        .ConfigureAwait(false)) > 0)
                    {
                        await WriteChunkAsync(writer, raw.AsSpan(0, read), encoded, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            writer.WriteStringValueSegment(ReadOnlySpan<byte>.Empty, isFinalSegment: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    private static ValueTask WriteChunkAsync(Utf8JsonWriter writer, ReadOnlySpan<byte> chunk, byte[] encoded, CancellationToken cancellationToken)
    {
        Base64.EncodeToUtf8(chunk, encoded, out _, out var written);
        writer.WriteStringValueSegment(encoded.AsSpan(0, written), isFinalSegment: false);
        return new ValueTask(writer.FlushAsync(cancellationToken));
    }
}
