namespace NanoBanana.Sdk.Http;

/// <summary>
/// A response body that may yield at most a given number of bytes: a reader that must hold what it reads (a JSON token,
/// a server-sent event line) stays bounded however long the body is. Passing the limit throws
/// <see cref="InvalidDataException"/>, which the SDK reports as an oversized answer.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : ForwardOnlyReadStream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Count(int read)
    {
        _read += read;
        return _read <= limit
            ? read
            : throw new InvalidDataException($"The answer is longer than {limit} bytes, more than any answer of this call can be.");
    }
}
