using System.Buffers;
using System.Globalization;
using System.Text;
using NanoBanana.Sdk.Http.InlineData;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Reads a <c>generateContent</c> body as it streams and sends every <c>"data"</c> string — the base64 of an inline
/// image — through an <see cref="InlineDataSink"/> into a stream the caller opens, so an image reaches its destination
/// without ever being whole in memory. Everything else collects as a small skeleton in which each image is the
/// placeholder <c>"#blob:N"</c>, parsed afterwards like any other answer.
/// </summary>
/// <remarks>
/// It only frames the JSON (strings, escapes, which key a value belongs to); the skeleton's grammar is checked when it
/// is deserialized. A base64 value cannot contain a quote, so the first quote ends an image. The shared
/// <see cref="InlineDataJsonReader"/> decodes into memory only; this splitter exists until it can hand a blob to a sink.
/// </remarks>
internal sealed class GeminiInlineImageSplitter : IAsyncDisposable
{
    private const string DataKey = "data";
    private const string MimeTypeKey = "mimeType";

    /// <summary>Longer keys and media types are never the ones looked for, so only this much of a string is remembered.</summary>
    private const int MaxCapture = 128;

    private const int MaxSkeletonLength = 4 * 1024 * 1024;
    private const int BufferSize = 32 * 1024;

    private readonly Func<GeminiImagePartInfo, Stream> _openDestination;
    private readonly SkeletonWriter _skeleton = new();
    private readonly StringBuilder _capture = new();
    private readonly List<long> _lengths = [];
    private State _state;
    private bool _captureIsMediaType;
    private bool _lastStringMayBeKey;
    private string? _lastString;
    private string? _valueKey;
    private string? _mediaType;
    private long _position;
    private Stream? _destination;
    private InlineDataSink? _sink;

    private GeminiInlineImageSplitter(Func<GeminiImagePartInfo, Stream> openDestination) => _openDestination = openDestination;

    private enum State
    {
        Structure,
        String,
        StringEscape,
        Image,
    }

    /// <summary>Reads the whole body, writing its images to the destinations as they arrive.</summary>
    /// <returns>The answer's skeleton, and the decoded length of each image by index.</returns>
    /// <exception cref="InlineDataFormatException">An image is not base64, the skeleton is too large, or the body ended inside a string.</exception>
    public static async Task<(GeminiWireResponse Wire, IReadOnlyList<long> Lengths)> ReadAsync(
        HttpResponseMessage response, Func<GeminiImagePartInfo, Stream> openDestination, CancellationToken cancellationToken)
    {
        var splitter = new GeminiInlineImageSplitter(openDestination);
        await using (splitter.ConfigureAwait(false))
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                try
                {
                    int read;
                    while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await splitter.ProcessAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            if (splitter._state != State.Structure)
            {
                throw new InlineDataFormatException("The body ended inside a string; the connection was probably cut", splitter._position, isTruncated: true);
            }

            var wire = GeminiTransport.ParseWire(new InlineDataDocument(splitter._skeleton.ToArray(), []));
            return (wire, splitter._lengths);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _sink?.Dispose();
        if (_destination is not null)
        {
            await _destination.DisposeAsync().ConfigureAwait(false);
        }

        _skeleton.Dispose();
    }

    private async ValueTask ProcessAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var i = 0;
        while (i < chunk.Length)
        {
            switch (_state)
            {
                case State.Image:
                    i += await ImageAsync(chunk[i..], cancellationToken).ConfigureAwait(false);
                    break;
                case State.String:
                    i += ScanString(chunk.Span[i..]);
                    break;
                case State.StringEscape:
                    Keep(chunk.Span[i], capture: true);
                    _state = State.String;
                    i++;
                    break;
                default:
                    Structure(chunk.Span[i]);
                    i++;
                    break;
            }
        }

        _position += chunk.Length;
    }

    private void Structure(byte b)
    {
        if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            Keep(b);
            return;
        }

        if (b == '"')
        {
            Keep(b);
            if (_valueKey == DataKey)
            {
                StartImage();
            }
            else
            {
                _captureIsMediaType = _valueKey == MimeTypeKey;
                _capture.Clear();
                _state = State.String;
            }

            _valueKey = null;
            return;
        }

        // A string followed by ':' was a key, and the next value belongs to it.
        _valueKey = b == ':' && _lastStringMayBeKey ? _lastString : null;
        _lastStringMayBeKey = false;
        if (b == '{')
        {
            _mediaType = null;
        }

        Keep(b);
    }

    private int ScanString(ReadOnlySpan<byte> rest)
    {
        var stop = rest.IndexOfAny((byte)'"', (byte)'\\');
        var run = stop < 0 ? rest : rest[..stop];
        Keep(run, capture: true);
        if (stop < 0)
        {
            return rest.Length;
        }

        Keep(rest[stop]);
        if (rest[stop] == '\\')
        {
            _state = State.StringEscape;
            return stop + 1;
        }

        var text = _capture.Length <= MaxCapture ? _capture.ToString() : null;
        if (_captureIsMediaType)
        {
            _mediaType = text;
        }
        else
        {
            _lastString = text;
            _lastStringMayBeKey = true;
        }

        _state = State.Structure;
        return stop + 1;
    }

    private void StartImage()
    {
        var index = _lengths.Count;
        _lengths.Add(0);
        _destination = _openDestination(new GeminiImagePartInfo(index, _mediaType))
            ?? throw new InvalidOperationException($"The destination factory returned no stream for image {index}.");
        _sink = new InlineDataSink(_destination);
        _state = State.Image;
    }

    private async ValueTask<int> ImageAsync(ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        var quote = rest.Span.IndexOf((byte)'"');
        var content = quote < 0 ? rest : rest[..quote];
        try
        {
            await _sink!.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            if (quote < 0)
            {
                return rest.Length;
            }

            await _sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InlineDataFormatException e)
        {
            throw new InlineDataFormatException($"Image {_lengths.Count - 1} is not valid base64: {e.Message}", _position);
        }

        _lengths[^1] = _sink.BytesWritten;
        _sink.Dispose();
        _sink = null;
        await _destination!.DisposeAsync().ConfigureAwait(false);
        _destination = null;

        Keep(Encoding.ASCII.GetBytes(InlineDataDocument.PlaceholderPrefix + (_lengths.Count - 1).ToString(CultureInfo.InvariantCulture)));
        Keep((byte)'"');
        _state = State.Structure;
        return quote + 1;
    }

    private void Keep(byte b, bool capture = false)
    {
        Keep([b], capture);
    }

    private void Keep(ReadOnlySpan<byte> bytes, bool capture = false)
    {
        if (_skeleton.Length + bytes.Length > MaxSkeletonLength)
        {
            throw new InlineDataFormatException($"The JSON around the images exceeds the limit of {MaxSkeletonLength} bytes", _position);
        }

        _skeleton.Write(bytes);
        if (capture && _capture.Length <= MaxCapture)
        {
            _capture.Append(Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, MaxCapture + 1 - _capture.Length)]));
        }
    }
}
