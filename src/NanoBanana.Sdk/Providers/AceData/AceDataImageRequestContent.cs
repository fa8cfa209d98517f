using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// The JSON body of <c>POST /nano-banana/images</c>, written straight to the request stream each time it is sent (so a
/// retried submit sends it again). Reference bytes and files become <c>data:</c> URIs whose base64 is encoded chunk by
/// chunk into the stream: the image never exists as a base64 string, and a file is never loaded whole.
/// </summary>
internal sealed class AceDataImageRequestContent : HttpContent
{
    /// <summary>A multiple of 3, so every chunk but the last encodes to base64 without padding.</summary>
    private const int ChunkBytes = 3 * 16 * 1024;

    /// <summary>Base64 never contains characters JSON must escape; the relaxed encoder also leaves '+' as it is instead of <c>\u002B</c>.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, JsonElement> EmptyProperties = [];

    private readonly AceDataImageRequest _request;
    private readonly IReadOnlyList<AceDataImageSource> _images;

    public AceDataImageRequestContent(AceDataImageRequest request, IReadOnlyList<AceDataImageSource> images)
    {
        _request = request;
        _images = images;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(stream, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("action", _request.Action);
            WriteIfSet(writer, "model", _request.Model);
            writer.WriteString("prompt", _request.Prompt);
            if (_images.Count > 0)
            {
                writer.WriteStartArray("image_urls");
                foreach (var image in _images)
                {
                    await WriteImageAsync(writer, image, cancellationToken).ConfigureAwait(false);
                }

                writer.WriteEndArray();
            }

            WriteIfSet(writer, "aspect_ratio", _request.AspectRatio);
            WriteIfSet(writer, "resolution", _request.Resolution);
            if (_request.Count is { } count)
            {
                writer.WriteNumber("count", count);
            }

            WriteIfSet(writer, "callback_url", _request.CallbackUrl?.AbsoluteUri);
            if (_request.Async is { } isAsync)
            {
                writer.WriteBoolean("async", isAsync);
            }

            foreach (var (name, value) in _request.AdditionalProperties ?? EmptyProperties)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The length is not known before writing: base64 and escaping are produced on the fly.</summary>
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static async Task WriteImageAsync(Utf8JsonWriter writer, AceDataImageSource image, CancellationToken cancellationToken)
    {
        if (image.Input.Kind == ImageInputKind.Uri)
        {
            writer.WriteStringValue(image.Input.Uri!.AbsoluteUri);
            return;
        }

        writer.WriteStringValueSegment(Encoding.UTF8.GetBytes($"data:{image.MediaType};base64,"), isFinalSegment: false);
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkBytes));
        try
        {
            if (image.Input.Kind == ImageInputKind.Bytes)
            {
                await WriteBytesAsync(writer, image.Input.Data, encoded, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteFileAsync(writer, image.Input.FilePath!, encoded, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    private static async Task WriteBytesAsync(Utf8JsonWriter writer, ReadOnlyMemory<byte> data, byte[] encoded, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < data.Length; offset += ChunkBytes)
        {
            var chunk = data.Slice(offset, Math.Min(ChunkBytes, data.Length - offset));
            WriteChunk(writer, chunk.Span, encoded, isFinal: offset + chunk.Length == data.Length);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteFileAsync(Utf8JsonWriter writer, string path, byte[] encoded, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                bool isFinal;
                do
                {
                    // Reading at least a full chunk keeps every chunk but the last a multiple of 3 bytes.
                    var read = await file.ReadAtLeastAsync(chunk.AsMemory(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false, cancellationToken)
                        .ConfigureAwait(false);
                    isFinal = read < ChunkBytes;
                    WriteChunk(writer, chunk.AsSpan(0, read), encoded, isFinal);
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                while (!isFinal);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    private static void WriteChunk(Utf8JsonWriter writer, ReadOnlySpan<byte> chunk, byte[] encoded, bool isFinal)
    {
        Base64.EncodeToUtf8(chunk, encoded, out _, out var written, isFinalBlock: isFinal);
        writer.WriteStringValueSegment(encoded.AsSpan(0, written), isFinal);
    }
}
