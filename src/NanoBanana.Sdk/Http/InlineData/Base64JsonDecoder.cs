using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// Decodes the raw content of a JSON string — the bytes between the quotes, escapes still in place — as base64,
/// incrementally: input may be cut anywhere, inside a 4-character block or inside an escape, and the state carries
/// over to the next call. The one decoder behind both the in-memory blobs and <see cref="InlineDataSink"/>.
/// </summary>
/// <remarks>
/// <para>Runs of plain base64 go straight to <see cref="Base64.DecodeFromUtf8"/> into the destination; only the rare
/// escape, a block cut by a chunk boundary and the final block take the byte-at-a-time path.</para>
/// <para>Accepted besides plain base64, because real encoders produce them: the escapes <c>\/</c> and <c>\uXXXX</c> for an
/// ASCII character (<c>\u002B</c> is '+', <c>\u003D</c> is '='); whitespace, raw or escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>),
/// which line-wrapping encoders insert and which is skipped; and base64url — '-' and '_' read as '+' and '/', and a
/// final block without its padding — since some Google APIs answer url-safe. The two alphabets share every other
/// character, so accepting both cannot misread either. Anything else (other escapes, control characters, characters
/// outside both alphabets, data after the padding, a lone final character) is an error.</para>
/// <para>A mutable struct: keep it in a field and never copy it.</para>
/// </remarks>
internal struct Base64JsonDecoder
{
    private static readonly SearchValues<byte> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    private Block _block;
    private int _blockLength;
    private bool _padded;
    private bool _ended;
    private int _escape;
    private int _hex;

    /// <summary>Why the last call failed.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// Decodes as much of <paramref name="source"/> as fits. Returns <see cref="OperationStatus.Done"/> when all of it
    /// was consumed, <see cref="OperationStatus.DestinationTooSmall"/> when the destination has fewer than 3 bytes left
    /// (give it more room and call again with the rest), or <see cref="OperationStatus.InvalidData"/> with
    /// <paramref name="consumed"/> at the offending byte and <see cref="Error"/> set.
    /// </summary>
    public OperationStatus Decode(ReadOnlySpan<byte> source, Span<byte> destination, out int consumed, out int written)
    {
        var read = 0;
        var wrote = 0;
        while (read < source.Length)
        {
            if (_blockLength == 0 && _escape == 0 && !_ended)
            {
                var run = source[read..].IndexOfAnyExcept(Alphabet);
                var blocks = Math.Min((run < 0 ? source.Length - read : run) / 4, (destination.Length - wrote) / 3);
                if (blocks > 0)
                {
                    // Whole blocks of clean alphabet never fail and never need the final-block rules.
                    Base64.DecodeFromUtf8(source.Slice(read, blocks * 4), destination[wrote..], out var used, out var produced, isFinalBlock: false);
                    read += used;
                    wrote += produced;
                    continue;
                }
            }

            // Checked before every slow byte, so a byte that completes a block always has room to land.
            if (destination.Length - wrote < 3)
            {
                consumed = read;
                written = wrote;
                return OperationStatus.DestinationTooSmall;
            }

            var b = source[read];
            var accepted = _escape != 0 ? ContinueEscape(b, destination, ref wrote)
                : b == '\\' ? StartEscape()
                : Accept(b, destination, ref wrote);
            if (!accepted)
            {
                consumed = read;
                written = wrote;
                return OperationStatus.InvalidData;
            }

            read++;
        }

        consumed = read;
        written = wrote;
        return OperationStatus.Done;
    }

    /// <summary>
    /// Ends the string: decodes the final block (padding it if base64url left it bare) into
    /// <paramref name="destination"/>, which needs 3 bytes of room, and resets for the next string.
    /// </summary>
    public bool Complete(Span<byte> destination, out int written)
    {
        written = 0;
        if (_escape != 0)
        {
            return Fail("the string ended inside an escape");
        }

        if (_padded)
        {
            return Fail("the final block's padding is incomplete");
        }

        if (_blockLength == 1)
        {
            return Fail("a single character is left over at the end, which cannot encode a byte");
        }

        if (_blockLength > 1)
        {
            while (_blockLength < 4)
            {
                _block[_blockLength++] = (byte)'=';
            }

            if (!DecodeBlock(destination, ref written, isFinalBlock: true))
            {
                return false;
            }
        }

        this = default;
        return true;
    }

    private bool StartEscape()
    {
        _escape = 1;
        return true;
    }

    private bool ContinueEscape(byte b, Span<byte> destination, ref int written)
    {
        if (_escape == 1)
        {
            switch (b)
            {
                case (byte)'/':
                    _escape = 0;
                    return Accept(b, destination, ref written);
                case (byte)'n' or (byte)'r' or (byte)'t':
                    _escape = 0;
                    return true;
                case (byte)'u':
                    _escape = 2;
                    _hex = 0;
                    return true;
                default:
                    return Fail($"the escape '\\{Printable(b)}' cannot appear in base64");
            }
        }

        var digit = HexValue(b);
        if (digit < 0)
        {
            return Fail($"'{Printable(b)}' is not a hex digit of a \\u escape");
        }

        _hex = (_hex * 16) + digit;
        if (++_escape < 6)
        {
            return true;
        }

        _escape = 0;
        return _hex < 0x80
            ? Accept((byte)_hex, destination, ref written)
            : Fail($"the escape \\u{_hex:X4} is not a base64 character");
    }

    private bool Accept(byte b, Span<byte> destination, ref int written)
    {
        switch (b)
        {
            case (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t':
                return true;
            case (byte)'=':
                return Pad(destination, ref written);
            case (byte)'-':
                return Symbol((byte)'+', destination, ref written);
            case (byte)'_':
                return Symbol((byte)'/', destination, ref written);
            default:
                return Alphabet.Contains(b)
                    ? Symbol(b, destination, ref written)
                    : Fail(b < 0x20 ? $"the control character 0x{b:X2} is not base64" : $"'{Printable(b)}' is not a base64 character");
        }
    }

    private bool Symbol(byte b, Span<byte> destination, ref int written)
    {
        if (_padded || _ended)
        {
            return Fail("the data continues after its padding");
        }

        _block[_blockLength++] = b;
        return _blockLength < 4 || DecodeBlock(destination, ref written, isFinalBlock: false);
    }

    private bool Pad(Span<byte> destination, ref int written)
    {
        if (_ended || _blockLength < 2)
        {
            return Fail("'=' padding is misplaced");
        }

        _block[_blockLength++] = (byte)'=';
        _padded = true;
        if (_blockLength < 4)
        {
            return true;
        }

        _ended = true;
        return DecodeBlock(destination, ref written, isFinalBlock: true);
    }

    private bool DecodeBlock(Span<byte> destination, ref int written, bool isFinalBlock)
    {
        if (Base64.DecodeFromUtf8(_block, destination[written..], out _, out var produced, isFinalBlock) != OperationStatus.Done)
        {
            return Fail("a block is not valid base64");
        }

        written += produced;
        _blockLength = 0;
        _padded = false;
        return true;
    }

    private bool Fail(string error)
    {
        Error = error;
        return false;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static string Printable(byte b) => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"0x{b:X2}";

    /// <summary>Up to 4 characters of a block cut by a chunk boundary or an escape.</summary>
    [InlineArray(4)]
    private struct Block
    {
        private byte _element;
    }
}
