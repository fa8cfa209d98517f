using System.Buffers;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// Decodes one JSON string's base64 into a stream as it arrives, so an image can reach a file without ever being
/// whole in memory. Feed it the raw string content — escapes intact, quotes excluded — in pieces cut anywhere, then
/// call <see cref="CompleteAsync"/> at the closing quote. It decodes with the same rules as the reader's blobs.
/// <see cref="InlineDataJsonReader"/> can also drive it, feeding each blob it is handed as the blob arrives.
/// </summary>
internal sealed class InlineDataSink : IDisposable, IAsyncDisposable
{
    private readonly Stream _destination;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _buffered;
    private long _consumed;
    private Base64JsonDecoder _decoder;

    /// <param name="destination">Receives the decoded bytes.</param>
    /// <param name="bufferSize">The pooled buffer decoded bytes collect in between writes.</param>
    /// <param name="leaveOpen">Whether <paramref name="destination"/> stays open when the sink is disposed.</param>
    public InlineDataSink(Stream destination, int bufferSize = 64 * 1024, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _destination = destination;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>The decoded bytes passed to the destination so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Whether the buffer must be written out before more can be decoded, or the string completed.</summary>
    internal bool IsFull => _buffer.Length - _buffered < 3;

    /// <summary>Why the last <see cref="Decode"/> or <see cref="TryComplete"/> failed.</summary>
    internal string? Error => _decoder.Error;

    /// <exception cref="InlineDataFormatException">The content is not base64; the position is within the content fed so far.</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        while (!content.IsEmpty)
        {
            if (IsFull)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            if (Decode(content.Span, out var consumed) == OperationStatus.InvalidData)
            {
                throw new InlineDataFormatException($"The inline data is not valid base64: {Error}", _consumed);
            }

            content = content[consumed..];
        }
    }

    /// <summary>Ends the string: decodes the final block and writes everything still buffered.</summary>
    /// <exception cref="InlineDataFormatException">The content ended where base64 cannot.</exception>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (IsFull)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!TryComplete())
        {
            throw new InlineDataFormatException($"The inline data is not valid base64: {Error}", _consumed);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Decodes as much of <paramref name="content"/> as the buffer holds, without writing:
    /// <see cref="OperationStatus.DestinationTooSmall"/> means <see cref="IsFull"/>, and the rest waits for a flush;
    /// <see cref="OperationStatus.InvalidData"/> leaves <paramref name="consumed"/> at the offending byte.
    /// </summary>
    internal OperationStatus Decode(ReadOnlySpan<byte> content, out int consumed)
    {
        var status = _decoder.Decode(content, _buffer.AsSpan(_buffered), out consumed, out var written);
        _buffered += written;
        _consumed += consumed;
        return status;
    }

    /// <summary>Decodes the final block into the buffer, which must not be <see cref="IsFull"/>; false with <see cref="Error"/> set when the content cannot end here.</summary>
    internal bool TryComplete()
    {
        if (!_decoder.Complete(_buffer.AsSpan(_buffered), out var written))
        {
            return false;
        }

        _buffered += written;
        return true;
    }

    /// <summary>Writes the decoded bytes collected so far to the destination.</summary>
    internal async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffered > 0)
        {
            await _destination.WriteAsync(_buffer.AsMemory(0, _buffered), cancellationToken).ConfigureAwait(false);
            BytesWritten += _buffered;
            _buffered = 0;
        }
    }

    /// <summary>Returns the buffer, and disposes the destination unless it was left open; bytes not yet flushed are dropped.</summary>
    public void Dispose()
    {
        if (ReturnBuffer() && !_leaveOpen)
        {
            _destination.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (ReturnBuffer() && !_leaveOpen)
        {
            await _destination.DisposeAsync().ConfigureAwait(false);
        }
    }

    private bool ReturnBuffer()
    {
        if (_buffer.Length == 0)
        {
            return false;
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        return true;
    }
}
