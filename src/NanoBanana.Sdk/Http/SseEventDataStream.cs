namespace NanoBanana.Sdk.Http;

/// <summary>The data of the current event of an <see cref="SseEventReader"/>, read as it arrives; it ends where the event does.</summary>
internal sealed class SseEventDataStream(SseEventReader reader) : ForwardOnlyReadStream
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return reader.ReadData(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer) => reader.ReadData(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        reader.ReadDataAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return reader.ReadDataAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
