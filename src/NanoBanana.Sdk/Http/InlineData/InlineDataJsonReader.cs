using System.Buffers;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// Reads a JSON body that carries large base64 values (images) without ever holding the body, a base64 string or
/// a second copy of the bytes: the body is read in chunks into one pooled buffer, everything but the blobs is copied
/// into a small skeleton for source-generated System.Text.Json, and each blob is decoded as it arrives straight into
/// its final array.
/// </summary>
/// <remarks>
/// Memory: with a known body length, the blobs of a document share one array of <c>length * 3 / 4 + 3</c> bytes,
/// allocated at the first blob — about 1.0× the decoded images, and no copy when they are handed out. With an unknown
/// length (chunked encoding) each blob is decoded into pooled segments and copied once into an exact array. The
/// skeleton costs an exact copy of itself, typically a few KB. A blob sent to an <see cref="InlineDataSink"/> instead
/// is never held at all: it is decoded into the sink's destination while it arrives.
/// </remarks>
internal static class InlineDataJsonReader
{
    /// <summary>Reads a whole JSON body from a (network) stream, in chunks, decoding every blob into memory.</summary>
    /// <param name="body">The body; read to its end, not disposed.</param>
    /// <param name="contentLength">The declared body length, if any; the body may not exceed it.</param>
    /// <param name="options">The blob property names and limits.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="InlineDataFormatException">The body is malformed, over a limit, or ended early.</exception>
    public static ValueTask<InlineDataDocument> ReadAsync(
        Stream body,
        long? contentLength,
        InlineDataReaderOptions options,
        CancellationToken cancellationToken) =>
        ReadAsync(body, contentLength, options, openSink: null, cancellationToken);

    /// <summary>Reads a whole JSON body from a (network) stream, in chunks, decoding each blob into memory or into a sink.</summary>
    /// <param name="body">The body; read to its end, not disposed.</param>
    /// <param name="contentLength">The declared body length, if any; the body may not exceed it.</param>
    /// <param name="options">The blob property names and limits.</param>
    /// <param name="openSink">
    /// Called as each blob-named string value starts, before any of its content is read. A sink it returns receives the
    /// value's base64 as it arrives, whatever its length, and the value becomes a blob that is empty in the document (the
    /// skeleton still holds its placeholder). <see langword="null"/> decodes the value into memory as usual. The reader
    /// completes and disposes every sink it is given, also when reading fails.
    /// </param>
    /// <param name="cancellationToken">Cancels the reads and the sinks' writes.</param>
    /// <exception cref="InlineDataFormatException">The body is malformed, over a limit, or ended early.</exception>
    public static async ValueTask<InlineDataDocument> ReadAsync(
        Stream body,
        long? contentLength,
        InlineDataReaderOptions options,
        Func<InlineDataBlobInfo, InlineDataSink?>? openSink,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        var scanner = new InlineDataScanner(options, contentLength, openSink);
        await using (scanner.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(options.BufferSize);
            try
            {
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > contentLength)
                    {
                        // The arena was sized from the declared length, so more data than declared must not be decoded.
                        throw new InlineDataFormatException($"The body is longer than its declared {contentLength} bytes", contentLength.Value);
                    }

                    for (var done = 0; done < read;)
                    {
                        done += scanner.Process(buffer.AsSpan(done, read - done));
                        await scanner.DrainSinkAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                return scanner.Finish();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads one JSON document already in memory, decoding every blob into memory.</summary>
    /// <exception cref="InlineDataFormatException">The JSON is malformed, over a limit, or incomplete.</exception>
    public static InlineDataDocument Read(ReadOnlySpan<byte> json, InlineDataReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var scanner = new InlineDataScanner(options, json.Length);
        scanner.Process(json);
        return scanner.Finish();
    }
}
