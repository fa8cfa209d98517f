using System.Buffers;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// Reads a <c>text/event-stream</c> body incrementally and hands out each event's data as a stream that delivers the
/// bytes while they arrive, so an event of many megabytes (an image inside JSON) is never held whole. The values of an
/// event's <c>data</c> lines are joined with '\n'; comments and the other fields (<c>event</c>, <c>id</c>, <c>retry</c>)
/// are skipped; lines may end in CRLF, LF or CR; an event may be cut across reads anywhere; and the last event counts
/// even without the blank line that should end it, as with <c>SseParser</c>.
/// </summary>
/// <remarks>
/// <para>Only the first few bytes of a line are ever looked at before it is classified, so memory is one pooled buffer
/// however long a line is. Events whose data is empty are skipped: they carry nothing to parse.</para>
/// <para>Use it where events can be large; for small events <c>SseParser</c>, which holds each event whole, is enough. Not
/// thread-safe; <see cref="Data"/> reads the current event until the next <see cref="MoveNextAsync"/>.</para>
/// </remarks>
internal sealed class SseEventReader : IDisposable
{
    /// <summary>Enough to tell a <c>data:</c> line from any other.</summary>
    private const int Lookahead = 5;

    private readonly Stream _body;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private State _state;
    private bool _bomChecked;
    private bool _bodyEnded;

    /// <summary>The previous line ended in CR, so a LF right after it belongs to that line end.</summary>
    private bool _skipLineFeed;

    /// <summary>How many data lines the current event has had.</summary>
    private int _dataLines;

    /// <summary>A data line has started after another, so a '\n' joining them is due before its value.</summary>
    private bool _newlinePending;

    /// <summary><see cref="MoveNextAsync"/> handed out the current event.</summary>
    private bool _eventStarted;

    /// <param name="body">The body; not disposed.</param>
    /// <param name="bufferSize">The pooled buffer each read of the body fills.</param>
    public SseEventReader(Stream body, int bufferSize = 32 * 1024)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _body = body;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        Data = new SseEventDataStream(this);
    }

    private enum State : byte
    {
        LineStart,
        SkipLine,

        /// <summary>After <c>data:</c>, where one space may precede the value.</summary>
        DataValueStart,
        DataValue,

        /// <summary>The current event's blank line was read; <see cref="Data"/> is at its end.</summary>
        EventEnd,
    }

    private enum Outcome : byte
    {
        /// <summary>Data was written, or with no room given, data is available.</summary>
        Data,
        EventEnd,
        NeedInput,
        BodyEnd,
    }

    /// <summary>The current event's data, joined lines and all, read as it arrives; it ends at the end of the event.</summary>
    public Stream Data { get; }

    /// <summary>Moves to the next event that has data, skipping what is left of the current one.</summary>
    /// <returns><see langword="false"/> at the end of the body.</returns>
    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_eventStarted)
        {
            Outcome rest;
            while ((rest = Advance(default, discard: true, out _)) == Outcome.NeedInput)
            {
                await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
            }

            _eventStarted = false;
            _state = State.LineStart;
            if (rest == Outcome.BodyEnd)
            {
                return false;
            }
        }

        while (true)
        {
            switch (Advance(default, discard: false, out _))
            {
                case Outcome.Data:
                    _eventStarted = true;
                    return true;
                case Outcome.BodyEnd:
                    return false;
                default:
                    await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Returns the buffer.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Reads the current event's data into <paramref name="destination"/>; 0 at its end.</summary>
    internal async ValueTask<int> ReadDataAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (!_eventStarted || destination.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            if (Advance(destination.Span, discard: false, out var written) != Outcome.NeedInput)
            {
                return written;
            }

            await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="ReadDataAsync"/>
    internal int ReadData(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (!_eventStarted || destination.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            if (Advance(destination, discard: false, out var written) != Outcome.NeedInput)
            {
                return written;
            }

            Compact();
            Received(_body.Read(_buffer.AsSpan(_end)));
        }
    }

    private async ValueTask ReadBodyAsync(CancellationToken cancellationToken)
    {
        Compact();
        Received(await _body.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Moves the unconsumed bytes to the front; input is only needed when they are fewer than a line's lookahead.</summary>
    private void Compact()
    {
        var kept = _end - _start;
        _buffer.AsSpan(_start, kept).CopyTo(_buffer);
        _start = 0;
        _end = kept;
    }

    private void Received(int read)
    {
        if (read > 0)
        {
            _end += read;
            return;
        }

        // A blank line after the end ends a last line and a last event that the body left open, and is harmless otherwise.
        _bodyEnded = true;
        "\n\n"u8.CopyTo(_buffer.AsSpan(_end));
        _end += 2;
    }

    /// <summary>
    /// Runs the line machine over the buffered bytes, copying data into <paramref name="destination"/>, or dropping it
    /// when <paramref name="discard"/> is set. With an empty destination it stops as soon as data is available.
    /// </summary>
    private Outcome Advance(Span<byte> destination, bool discard, out int written)
    {
        written = 0;
        while (true)
        {
            if (_state == State.EventEnd)
            {
                return written > 0 ? Outcome.Data : Outcome.EventEnd;
            }

            var rest = _buffer.AsSpan(_start, _end - _start);
            if (rest.IsEmpty)
            {
                return written > 0 ? Outcome.Data : _bodyEnded ? Outcome.BodyEnd : Outcome.NeedInput;
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (rest[0] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            switch (_state)
            {
                case State.LineStart:
                    if (!StartLine(rest))
                    {
                        return written > 0 ? Outcome.Data : Outcome.NeedInput;
                    }

                    break;
                case State.SkipLine:
                    SkipLine(rest);
                    break;
                case State.DataValueStart:
                    _start += rest[0] == ' ' ? 1 : 0;
                    _state = State.DataValue;
                    break;
                case State.DataValue when _newlinePending || rest[0] is not ((byte)'\r' or (byte)'\n'):
                    if (discard)
                    {
                        _newlinePending = false;
                        _start += LineLength(rest);
                    }
                    else if (written == destination.Length)
                    {
                        return Outcome.Data;
                    }
                    else if (_newlinePending)
                    {
                        _newlinePending = false;
                        destination[written++] = (byte)'\n';
                    }
                    else
                    {
                        var count = Math.Min(LineLength(rest), destination.Length - written);
                        rest[..count].CopyTo(destination[written..]);
                        _start += count;
                        written += count;
                    }

                    break;
                case State.DataValue:
                    EndLine(rest[0]);
                    break;
            }
        }
    }

    /// <summary>Classifies a line from its first bytes; false when more bytes are needed to tell.</summary>
    private bool StartLine(ReadOnlySpan<byte> rest)
    {
        if (!_bomChecked)
        {
            ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
            if (rest.Length < bom.Length && bom.StartsWith(rest))
            {
                return false;
            }

            _bomChecked = true;
            _start += rest.StartsWith(bom) ? bom.Length : 0;
            return true;
        }

        switch (rest[0])
        {
            case (byte)'\r' or (byte)'\n':
                EndLine(rest[0]);
                EndEvent();
                return true;
            case (byte)':':
                _state = State.SkipLine;
                return true;
        }

        var known = Math.Min(rest.Length, 4);
        if (!rest[..known].SequenceEqual("data"u8[..known]))
        {
            _state = State.SkipLine;
            return true;
        }

        if (rest.Length < Lookahead)
        {
            return false;
        }

        switch (rest[4])
        {
            case (byte)':':
                _start += 5;
                _state = State.DataValueStart;
                break;
            case (byte)'\r' or (byte)'\n':
                // "data" alone is a data line with an empty value.
                _start += 4;
                _state = State.DataValue;
                break;
            default:
                // Another field whose name starts with "data".
                _state = State.SkipLine;
                return true;
        }

        _newlinePending = _dataLines++ > 0;
        return true;
    }

    private void SkipLine(ReadOnlySpan<byte> rest)
    {
        var length = LineLength(rest);
        _start += length;
        if (length < rest.Length)
        {
            EndLine(rest[length]);
        }
    }

    private void EndLine(byte lineEnd)
    {
        _start++;
        _skipLineFeed = lineEnd == '\r';
        _state = State.LineStart;
    }

    /// <summary>A blank line: the end of the event handed out, or of one whose data was empty, which is dropped.</summary>
    private void EndEvent()
    {
        _dataLines = 0;
        _newlinePending = false;
        if (_eventStarted)
        {
            _state = State.EventEnd;
        }
    }

    private static int LineLength(ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
        return end < 0 ? rest.Length : end;
    }
}
