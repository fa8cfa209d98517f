using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// The streaming JSON tokenizer behind <see cref="InlineDataJsonReader"/>. It is fed the body in chunks cut
/// anywhere and keeps all its state between them, so nothing is ever re-buffered: structure and ordinary strings are
/// copied to the skeleton, and a blob's content goes straight through <see cref="Base64JsonDecoder"/> into the
/// <see cref="IBlobWriter"/>, or into the <see cref="InlineDataSink"/> the sink callback returned for it.
/// </summary>
/// <remarks>
/// <para>It checks structure (nesting, separators, string and escape framing) strictly enough to find property names,
/// detect truncation and refuse garbage; the finer grammar of numbers, literals and \u escapes in ordinary strings is
/// left to System.Text.Json when the caller deserializes the skeleton. Whitespace between tokens is dropped.</para>
/// <para>A sink writes asynchronously while the scanner works on spans, so <see cref="Process"/> stops early when the
/// current sink is full or its value has ended, and the caller runs <see cref="DrainSinkAsync"/> before going on.</para>
/// </remarks>
internal sealed class InlineDataScanner : IDisposable, IAsyncDisposable
{
    /// <summary>A longer media-type value is not one; it is not captured.</summary>
    private const int MaxMediaTypeLength = 256;

    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    private static readonly SearchValues<byte> LiteralBytes = SearchValues.Create(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+-."u8);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly InlineDataReaderOptions _options;
    private readonly SkeletonWriter _skeleton = new();
    private readonly IBlobWriter _blobs;
    private readonly List<ReadOnlyMemory<byte>> _completed = [];
    private readonly Func<InlineDataBlobInfo, InlineDataSink?>? _openSink;
    private Base64JsonDecoder _decoder;
    private InlineDataSink? _sink;
    private bool _sinkEnded;

    /// <summary>By depth, the media type seen so far in the open object at that depth; allocated at the first one.</summary>
    private string?[]? _mediaTypes;
    private State _state = State.Value;
    private ulong _objects;
    private int _depth;
    private long _position;
    private long _at;
    private int _bom;
    private int _mark;
    private long _blobStart;
    private bool _stringIsKey;
    private bool _stringIsMediaType;
    private bool _nextValueIsBlob;
    private bool _nextValueIsMediaType;

    /// <param name="options">The blob property names and limits.</param>
    /// <param name="bodyLength">The declared body length, if any, to size the blobs' arena.</param>
    /// <param name="openSink">Called as each blob-named string value starts; see <see cref="InlineDataJsonReader.ReadAsync(Stream, long?, InlineDataReaderOptions, Func{InlineDataBlobInfo, InlineDataSink?}?, CancellationToken)"/>.</param>
    public InlineDataScanner(InlineDataReaderOptions options, long? bodyLength, Func<InlineDataBlobInfo, InlineDataSink?>? openSink = null)
    {
        _options = options;
        _openSink = openSink;
        _blobs = IBlobWriter.Create(bodyLength, options.MaxDecodedLength);
    }

    private enum State : byte
    {
        /// <summary>A value is expected: at the start, after ':' or after ',' in an array.</summary>
        Value,

        /// <summary>After '[': a value or ']'.</summary>
        ValueOrEnd,

        /// <summary>After '{': a property name or '}'.</summary>
        KeyOrEnd,

        /// <summary>After ',' in an object: a property name.</summary>
        Key,
        Colon,
        AfterValue,
        String,
        StringEscape,

        /// <summary>A string value of a blob-named property, copied to the skeleton until it proves long enough to lift out.</summary>
        Candidate,
        CandidateEscape,

        /// <summary>Inside a lifted string: everything up to the closing quote goes to the decoder.</summary>
        Blob,
        Literal,
        Done,
    }

    /// <summary>Whether the current sink must be flushed or finished (<see cref="DrainSinkAsync"/>) before more can be processed.</summary>
    private bool SinkNeedsDrain => _sink is not null && (_sinkEnded || _sink.IsFull);

    /// <summary>
    /// Consumes the next piece of the body, all of it unless a sink needs draining first; then call
    /// <see cref="DrainSinkAsync"/> and pass the rest again.
    /// </summary>
    /// <returns>How many bytes of <paramref name="chunk"/> were consumed.</returns>
    public int Process(ReadOnlySpan<byte> chunk)
    {
        var i = 0;
        while (i < chunk.Length && !SinkNeedsDrain)
        {
            _at = _position + i;
            switch (_state)
            {
                case State.String or State.Candidate:
                    i += ScanString(chunk[i..]);
                    break;
                case State.StringEscape or State.CandidateEscape:
                    Escaped(chunk[i]);
                    i++;
                    break;
                case State.Blob:
                    i += ScanBlob(chunk[i..]);
                    break;
                case State.Literal when LiteralBytes.Contains(chunk[i]):
                    Emit(chunk[i]);
                    i++;
                    break;
                case State.Literal:
                    EndValue();
                    break;
                default:
                    Structural(chunk[i]);
                    i++;
                    break;
            }
        }

        _position += i;
        return i;
    }

    /// <summary>Writes out a full sink, or finishes and disposes a sink whose value has ended; nothing otherwise.</summary>
    public async ValueTask DrainSinkAsync(CancellationToken cancellationToken)
    {
        if (_sink is not { } sink)
        {
            return;
        }

        if (!_sinkEnded)
        {
            if (sink.IsFull)
            {
                await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        _sink = null;
        _sinkEnded = false;
        await using (sink.ConfigureAwait(false))
        {
            await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the body: the document must be complete.</summary>
    public InlineDataDocument Finish()
    {
        if (_state == State.Literal && _depth == 0)
        {
            _state = State.Done;
        }

        if (_state != State.Done)
        {
            var where = _state switch
            {
                State.Value when _depth == 0 && _position == 0 => "The body was empty",
                State.Blob => "The body ended inside inline data",
                State.String or State.StringEscape or State.Candidate or State.CandidateEscape => "The body ended inside a string",
                _ => "The body ended before the JSON document did",
            };
            throw new InlineDataFormatException($"{where}; the connection was probably cut", _position, isTruncated: true);
        }

        return new InlineDataDocument(_skeleton.ToArray(), [.. _completed]);
    }

    /// <summary>Returns the pooled buffers and disposes a sink left unfinished by a failure.</summary>
    public void Dispose()
    {
        _sink?.Dispose();
        _sink = null;
        _skeleton.Dispose();
        _blobs.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (_sink is { } sink)
        {
            _sink = null;
            await sink.DisposeAsync().ConfigureAwait(false);
        }

        Dispose();
    }

    private int ScanString(ReadOnlySpan<byte> rest)
    {
        var run = rest.IndexOfAny(StringStops);
        var text = run < 0 ? rest.Length : run;
        if (_state == State.Candidate)
        {
            // Only what decides the lift goes through the skeleton; the rest of a blob goes straight to the decoder,
            // however large the chunk (a whole document in memory is one chunk).
            var candidate = _skeleton.Length - _mark - 1;
            // An escape may already have carried the candidate past the threshold.
            var deciding = Math.Clamp(_options.MinBlobLength + 1 - candidate, 0, text);
            Emit(rest[..deciding]);
            if (candidate + deciding > _options.MinBlobLength)
            {
                Lift();
                return deciding;
            }
        }
        else
        {
            Emit(rest[..text]);
        }

        if (run < 0)
        {
            return rest.Length;
        }

        _at += run;
        switch (rest[run])
        {
            case (byte)'"':
                EndString();
                break;
            case (byte)'\\':
                Emit((byte)'\\');
                _state = _state == State.Candidate ? State.CandidateEscape : State.StringEscape;
                break;
            default:
                throw Error($"The control character 0x{rest[run]:X2} must be escaped inside a JSON string");
        }

        return run + 1;
    }

    private void Escaped(byte b)
    {
        if (b is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'u'))
        {
            throw Error($"'\\{(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"0x{b:X2}")}' is not a JSON escape");
        }

        Emit(b);
        _state = _state == State.CandidateEscape ? State.Candidate : State.String;
    }

    private void EndString()
    {
        if (_stringIsKey)
        {
            var name = _skeleton.Written[(_mark + 1)..];
            _nextValueIsBlob = _options.IsBlobProperty(name);
            _nextValueIsMediaType = _options.IsMediaTypeProperty(name);
            Emit((byte)'"');
            _state = State.Colon;
        }
        else
        {
            Emit((byte)'"');
            if (_stringIsMediaType)
            {
                _mediaTypes ??= new string?[_options.MaxDepth + 1];
                _mediaTypes[_depth] = Unescape(_skeleton.Written[_mark..]);
            }

            EndValue();
        }
    }

    /// <summary>A short JSON string token as text; <see langword="null"/> when it is too long to be a media type or malformed.</summary>
    private static string? Unescape(ReadOnlySpan<byte> token)
    {
        if (token.Length > MaxMediaTypeLength)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(token);
            return reader.Read() ? reader.GetString() : null;
        }
        catch (JsonException)
        {
            // A bad escape; System.Text.Json reports it properly when the skeleton is deserialized.
            return null;
        }
    }

    /// <summary>
    /// Turns the candidate string into a blob: its content so far goes to the decoder, and in the skeleton it
    /// becomes the placeholder.
    /// </summary>
    private void Lift()
    {
        Feed(_skeleton.Written[(_mark + 1)..], _blobStart);
        _skeleton.Truncate(_mark);
        EmitPlaceholder();
        _state = State.Blob;
    }

    /// <summary>Asks the callback, if any, for a sink for the value starting here, telling it the media type seen before it in this object.</summary>
    private InlineDataSink? OpenSink() =>
        _openSink?.Invoke(new InlineDataBlobInfo(_completed.Count, _mediaTypes?[_depth]));

    /// <summary>Starts a blob whose base64 goes to a sink: the placeholder replaces it from its opening quote on.</summary>
    private void StartSinkBlob(InlineDataSink sink)
    {
        _sink = sink;
        EmitPlaceholder();
        _state = State.Blob;
    }

    private void EmitPlaceholder()
    {
        Span<byte> placeholder = stackalloc byte[32];
        "\"#blob:"u8.CopyTo(placeholder);
        _completed.Count.TryFormat(placeholder[7..], out var digits, default, CultureInfo.InvariantCulture);
        placeholder[7 + digits] = (byte)'"';
        Emit(placeholder[..(8 + digits)]);
    }

    private int ScanBlob(ReadOnlySpan<byte> rest)
    {
        // A quote inside base64 can only be escaped as \" — itself invalid base64 — so the first quote ends the blob;
        // a preceding backslash is reported by the decoder as an escape left open.
        var quote = rest.IndexOf((byte)'"');
        var content = quote < 0 ? rest : rest[..quote];
        if (_sink is not null)
        {
            return ScanSinkBlob(_sink, content, quote);
        }

        Feed(content, _at);
        if (quote < 0)
        {
            return rest.Length;
        }

        _at += quote;
        var room = _blobs.GetSpan(3);
        if (!_decoder.Complete(room, out var written))
        {
            throw Error($"The inline data is not valid base64: {_decoder.Error}");
        }

        _blobs.Advance(written);
        _completed.Add(_blobs.CompleteBlob());
        EndValue();
        return quote + 1;
    }

    /// <summary>Decodes into the sink as much as it holds; at the closing quote, once there is room, decodes the final block.</summary>
    private int ScanSinkBlob(InlineDataSink sink, ReadOnlySpan<byte> content, int quote)
    {
        if (sink.Decode(content, out var consumed) == OperationStatus.InvalidData)
        {
            throw new InlineDataFormatException($"The inline data is not valid base64: {sink.Error}", _at + consumed);
        }

        if (consumed < content.Length || quote < 0 || sink.IsFull)
        {
            return consumed;
        }

        _at += quote;
        if (!sink.TryComplete())
        {
            throw Error($"The inline data is not valid base64: {sink.Error}");
        }

        // The bytes went to the sink; an empty entry keeps the placeholders' indexes in step.
        _completed.Add(ReadOnlyMemory<byte>.Empty);
        _sinkEnded = true;
        EndValue();
        return quote + 1;
    }

    private void Feed(ReadOnlySpan<byte> content, long offset)
    {
        while (!content.IsEmpty)
        {
            var status = _decoder.Decode(content, _blobs.GetSpan(3), out var consumed, out var written);
            _blobs.Advance(written);
            if (status == OperationStatus.InvalidData)
            {
                throw new InlineDataFormatException($"The inline data is not valid base64: {_decoder.Error}", offset + consumed);
            }

            content = content[consumed..];
            offset += consumed;
        }

        if (_blobs.Length > _options.MaxDecodedLength)
        {
            throw new InlineDataFormatException($"The inline data exceeds the limit of {_options.MaxDecodedLength} decoded bytes", offset);
        }
    }

    private void Structural(byte b)
    {
        if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            return;
        }

        switch (_state)
        {
            case State.Value when _depth == 0 && _at < 3 && _bom == _at && b == Utf8Bom[_bom]:
                _bom++;
                return;
            case State.Value when _bom is 1 or 2:
                throw Error("The body starts with a broken byte-order mark");
            case State.Value or State.ValueOrEnd:
                StartValue(b);
                return;
            case State.KeyOrEnd or State.Key when b == '"':
                _mark = _skeleton.Length;
                Emit(b);
                _stringIsKey = true;
                _state = State.String;
                return;
            case State.KeyOrEnd when b == '}':
            case State.AfterValue when b == '}' && InObject:
            case State.AfterValue when b == ']' && !InObject:
                Emit(b);
                Close();
                return;
            case State.Colon when b == ':':
                Emit(b);
                _state = State.Value;
                return;
            case State.AfterValue when b == ',':
                Emit(b);
                _state = InObject ? State.Key : State.Value;
                return;
            default:
                throw Unexpected(b);
        }
    }

    private void StartValue(byte b)
    {
        var isBlob = _nextValueIsBlob;
        var isMediaType = _nextValueIsMediaType;
        _nextValueIsBlob = false;
        _nextValueIsMediaType = false;
        switch (b)
        {
            case (byte)'{' or (byte)'[':
                if (_depth == _options.MaxDepth)
                {
                    throw Error($"The JSON nests deeper than {_options.MaxDepth} levels");
                }

                _objects = b == '{' ? _objects | (1UL << _depth) : _objects & ~(1UL << _depth);
                _depth++;
                Emit(b);
                _state = b == '{' ? State.KeyOrEnd : State.ValueOrEnd;
                return;
            case (byte)']' when _state == State.ValueOrEnd:
                Emit(b);
                Close();
                return;
            case (byte)'"':
                if (isBlob && OpenSink() is { } sink)
                {
                    StartSinkBlob(sink);
                    return;
                }

                _mark = _skeleton.Length;
                Emit(b);
                _stringIsKey = false;
                _stringIsMediaType = isMediaType;
                _blobStart = _at + 1;
                _state = isBlob ? State.Candidate : State.String;
                return;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n':
                Emit(b);
                _state = State.Literal;
                return;
            default:
                throw Unexpected(b);
        }
    }

    private bool InObject => (_objects & (1UL << (_depth - 1))) != 0;

    private void EndValue() => _state = _depth == 0 ? State.Done : State.AfterValue;

    /// <summary>Ends an object or array; a media type seen inside it no longer applies.</summary>
    private void Close()
    {
        if (_mediaTypes is not null)
        {
            _mediaTypes[_depth] = null;
        }

        _depth--;
        EndValue();
    }

    private void Emit(byte b)
    {
        CheckSkeleton(1);
        _skeleton.Write(b);
    }

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        CheckSkeleton(bytes.Length);
        _skeleton.Write(bytes);
    }

    private void CheckSkeleton(int adding)
    {
        if (_skeleton.Length + adding > _options.MaxSkeletonLength)
        {
            throw Error($"The JSON around the inline data exceeds the limit of {_options.MaxSkeletonLength} bytes");
        }
    }

    private InlineDataFormatException Unexpected(byte b)
    {
        var what = b is >= 0x20 and < 0x7F ? $"'{(char)b}'" : $"the byte 0x{b:X2}";
        var expected = _state switch
        {
            State.Value or State.ValueOrEnd => "a value",
            State.KeyOrEnd or State.Key => "a property name",
            State.Colon => "':'",
            State.AfterValue => "',' or the end of the container",
            _ => "nothing after the end of the JSON document",
        };
        return Error($"Unexpected {what} where {expected} was expected");
    }

    private InlineDataFormatException Error(string message) => new(message, _at);
}
