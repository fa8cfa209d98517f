namespace NanoBanana.Sdk.Tests.Http.InlineData;

/// <summary>
/// A read-only network-like stream that returns its bytes in chunks of the given sizes (cycling), counts every
/// read including the final empty one, and completes asynchronously now and then so the reader's awaits really
/// suspend. Unlike Support's ChunkedStream, the sizes are the test's choice, so a boundary can be put anywhere.
/// </summary>
public sealed class SizedChunkStream(byte[] data, params int[] chunkSizes) : Stream
{
    private int _position;

    /// <summary>How many times the stream was read, the empty end-of-stream read included.</summary>
    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var size = Math.Min(Math.Min(chunkSizes[Reads % chunkSizes.Length], buffer.Length), data.Length - _position);
        Reads++;
        data.AsSpan(_position, size).CopyTo(buffer);
        _position += size;
        return size;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Reads % 512 == 0)
        {
            await Task.Yield();
        }

        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
