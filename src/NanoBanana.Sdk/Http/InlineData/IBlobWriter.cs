namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>Where a document's decoded blobs are written while it is read; each finished blob is handed out as memory.</summary>
internal interface IBlobWriter : IDisposable
{
    /// <summary>All bytes decoded so far in this document, for the size limit.</summary>
    long Length { get; }

    /// <summary>Room for the decoder: at least <paramref name="minimum"/> bytes.</summary>
    Span<byte> GetSpan(int minimum);

    void Advance(int count);

    /// <summary>Ends the current blob and returns its bytes; the next write starts a new blob.</summary>
    ReadOnlyMemory<byte> CompleteBlob();

    /// <summary>
    /// With a known body length, one arena of <c>length * 3 / 4 + 3</c> bytes, which bounds the decoded size of every
    /// blob in the body together; otherwise pooled segments and one exact copy per blob.
    /// </summary>
    static IBlobWriter Create(long? bodyLength, int maxDecodedLength)
    {
        // The first test keeps the multiplication from overflowing; such lengths exceed any limit anyway.
        if (bodyLength is { } length and >= 0 and <= int.MaxValue * 2L && (length * 3 / 4) + 3 <= maxDecodedLength)
        {
            return new ArenaBlobWriter((int)((length * 3 / 4) + 3));
        }

        return new SegmentedBlobWriter();
    }
}
