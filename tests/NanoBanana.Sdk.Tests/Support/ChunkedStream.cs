namespace NanoBanana.Sdk.Tests.Support;

/// <summary>
/// A read-only stream that hands out its bytes in small, odd-sized pieces (1, 2, 3, 5, 7, 11, 13 bytes, cycling), so
/// that SSE lines and JSON events arrive split across reads; optionally it fails like a cut connection at the end.
/// </summary>
public sealed class ChunkedStream(byte[] data, bool failAtEnd = false) : Stream
{
    private static readonly int[] ChunkSizes = [1, 2, 3, 5, 7, 11, 13];
    private int _position;
    private int _reads;

    /// <summary>How many reads returned data.</summary>
    public int Reads => _reads;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_position >= data.Length)
        {
            if (failAtEnd)
            {
                throw new IOException("The connection was reset by the peer (simulated).");
            }

            return 0;
        }

        var size = Math.Min(Math.Min(ChunkSizes[_reads % ChunkSizes.Length], buffer.Length), data.Length - _position);
        data.AsSpan(_position, size).CopyTo(buffer);
        _position += size;
        _reads++;
        return size;
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.Yield();
        return Read(buffer.Span);
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
