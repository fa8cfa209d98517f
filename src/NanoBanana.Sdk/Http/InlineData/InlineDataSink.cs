using System.Buffers;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// Decodes one JSON string's base64 into a stream as it arrives, so an image can reach a file without ever being
/// whole in memory. Feed it the raw string content — escapes intact, quotes excluded — in pieces cut anywhere, then
/// call <see cref="CompleteAsync"/> at the closing quote. It decodes with the same rules as the reader's blobs.
/// </summary>
internal sealed class InlineDataSink : IDisposable
{
    private readonly Stream _destination;
    private byte[] _buffer;
    private int _buffered;
    private long _consumed;
    private Base64JsonDecoder _decoder;

    /// <param name="destination">Receives the decoded bytes; not disposed.</param>
    /// <param name="bufferSize">The pooled buffer decoded bytes collect in between writes.</param>
    public InlineDataSink(Stream destination, int bufferSize = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _destination = destination;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>The decoded bytes passed to the destination so far.</summary>
    public long BytesWritten { get; private set; }

    /// <exception cref="InlineDataFormatException">The content is not base64; the position is within the content fed so far.</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        while (!content.IsEmpty)
        {
            if (_buffer.Length - _buffered < 3)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            content = content[Decode(content.Span)..];
        }
    }

    /// <summary>Ends the string: decodes the final block and writes everything still buffered.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_buffer.Length - _buffered < 3)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_decoder.Complete(_buffer.AsSpan(_buffered), out var written))
        {
            throw new InlineDataFormatException($"The inline data is not valid base64: {_decoder.Error}", _consumed);
        }

        _buffered += written;
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private int Decode(ReadOnlySpan<byte> content)
    {
        var status = _decoder.Decode(content, _buffer.AsSpan(_buffered), out var consumed, out var written);
        _buffered += written;
        if (status == OperationStatus.InvalidData)
        {
            throw new InlineDataFormatException($"The inline data is not valid base64: {_decoder.Error}", _consumed + consumed);
        }

        _consumed += consumed;
        return consumed;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffered > 0)
        {
            await _destination.WriteAsync(_buffer.AsMemory(0, _buffered), cancellationToken).ConfigureAwait(false);
            BytesWritten += _buffered;
            _buffered = 0;
        }
    }
}
