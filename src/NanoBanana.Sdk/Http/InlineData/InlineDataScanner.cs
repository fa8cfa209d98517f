using System.Buffers;
using System.Globalization;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// The streaming JSON tokenizer behind <see cref="InlineDataJsonReader"/>. It is fed the body in chunks cut
/// anywhere and keeps all its state between them, so nothing is ever re-buffered: structure and ordinary strings are
/// copied to the skeleton, and a blob's content goes straight through <see cref="Base64JsonDecoder"/> into the
/// <see cref="IBlobWriter"/>.
/// </summary>
/// <remarks>
/// It checks structure (nesting, separators, string and escape framing) strictly enough to find property names,
/// detect truncation and refuse garbage; the finer grammar of numbers, literals and \u escapes in ordinary strings is
/// left to System.Text.Json when the caller deserializes the skeleton. Whitespace between tokens is dropped.
/// </remarks>
internal sealed class InlineDataScanner : IDisposable
{
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    private static readonly SearchValues<byte> LiteralBytes = SearchValues.Create(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+-."u8);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly InlineDataReaderOptions _options;
    private readonly SkeletonWriter _skeleton = new();
    private readonly IBlobWriter _blobs;
    private readonly List<ReadOnlyMemory<byte>> _completed = [];
    private Base64JsonDecoder _decoder;
    private State _state = State.Value;
    private ulong _objects;
    private int _depth;
    private long _position;
    private long _at;
    private int _bom;
    private int _mark;
    private long _blobStart;
    private bool _stringIsKey;
    private bool _nextValueIsBlob;

    public InlineDataScanner(InlineDataReaderOptions options, long? bodyLength)
    {
        _options = options;
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

    /// <summary>Consumes the next piece of the body.</summary>
    public void Process(ReadOnlySpan<byte> chunk)
    {
        var i = 0;
        while (i < chunk.Length)
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

        _position += chunk.Length;
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

    public void Dispose()
    {
        _skeleton.Dispose();
        _blobs.Dispose();
    }

    private int ScanString(ReadOnlySpan<byte> rest)
    {
        var run = rest.IndexOfAny(StringStops);
        Emit(rest[..(run < 0 ? rest.Length : run)]);
        if (_state == State.Candidate && _skeleton.Length - _mark - 1 > _options.MinBlobLength)
        {
            Lift();
            return run < 0 ? rest.Length : run;
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
            _nextValueIsBlob = _options.IsBlobProperty(_skeleton.Written[(_mark + 1)..]);
            Emit((byte)'"');
            _state = State.Colon;
        }
        else
        {
            Emit((byte)'"');
            EndValue();
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
        Span<byte> placeholder = stackalloc byte[32];
        "\"#blob:"u8.CopyTo(placeholder);
        _completed.Count.TryFormat(placeholder[7..], out var digits, default, CultureInfo.InvariantCulture);
        placeholder[7 + digits] = (byte)'"';
        Emit(placeholder[..(8 + digits)]);
        _state = State.Blob;
    }

    private int ScanBlob(ReadOnlySpan<byte> rest)
    {
        // A quote inside base64 can only be escaped as \" — itself invalid base64 — so the first quote ends the blob;
        // a preceding backslash is reported by the decoder as an escape left open.
        var quote = rest.IndexOf((byte)'"');
        Feed(quote < 0 ? rest : rest[..quote], _at);
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
                _depth--;
                EndValue();
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
        _nextValueIsBlob = false;
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
                _depth--;
                EndValue();
                return;
            case (byte)'"':
                _mark = _skeleton.Length;
                Emit(b);
                _stringIsKey = false;
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
