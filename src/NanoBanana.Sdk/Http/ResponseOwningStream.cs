namespace NanoBanana.Sdk.Http;

/// <summary>A response body stream that disposes its response when it is disposed.</summary>
internal sealed class ResponseOwningStream(Stream inner, HttpResponseMessage response) : ForwardOnlyReadStream
{
    public override long Length => ContentLength ?? throw new NotSupportedException();

    /// <summary>The body length the server announced, so a reader can allocate the final buffer once.</summary>
    public long? ContentLength => response.Content.Headers.ContentLength;

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        inner.CopyToAsync(destination, bufferSize, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            response.Dispose();
        }

        base.Dispose(disposing);
    }
}
