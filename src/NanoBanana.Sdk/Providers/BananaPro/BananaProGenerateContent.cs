using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// The submit body, written with <see cref="Utf8JsonWriter"/> straight onto the request stream. Reference images held
/// as bytes or files are base64-encoded chunk by chunk into their <c>data:</c> URI, so no base64 string of the whole
/// image ever exists. A file is reopened if a retry sends the request again.
/// </summary>
internal sealed class BananaProGenerateContent : HttpContent
{
    /// <summary>Whole 3-byte groups, so only the last chunk of an image carries base64 padding.</summary>
    private const int ChunkBytes = 3 * 16 * 1024;

    // Written as JavaScript's JSON.stringify would: base64's '+' stays literal instead of \u002B.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly BananaProGenerateRequest _body;

    public BananaProGenerateContent(BananaProGenerateRequest body)
    {
        _body = body;
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
            writer.WriteString("model", _body.Model);
            WriteIfSet(writer, "type", _body.Type);
            writer.WriteString("prompt", _body.Prompt);
            if (_body.ImageUrls is { } images)
            {
                writer.WriteStartArray("image_urls");
                foreach (var image in images)
                {
                    await WriteImageAsync(writer, image, cancellationToken).ConfigureAwait(false);
                }

                writer.WriteEndArray();
            }

            WriteIfSet(writer, "resolution", _body.Resolution);
            WriteIfSet(writer, "aspect_ratio", _body.AspectRatio);
            if (_body.NumImages is { } count)
            {
                writer.WriteNumber("num_images", count);
            }

            foreach (var (name, value) in _body.AdditionalProperties ?? new Dictionary<string, JsonElement>())
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

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

    private static async Task WriteImageAsync(Utf8JsonWriter writer, ImageInput image, CancellationToken cancellationToken)
    {
        if (image.Kind == ImageInputKind.Uri)
        {
            writer.WriteStringValue(image.Uri!.AbsoluteUri);
            return;
        }

        writer.WriteStringValueSegment(Encoding.ASCII.GetBytes($"data:{BananaProMediaTypes.OfInlineImage(image)};base64,"), isFinalSegment: false);
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkBytes));
        try
        {
            if (image.Kind == ImageInputKind.File)
            {
                await WriteFileAsync(writer, image.FilePath!, encoded, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                for (var offset = 0; offset < image.Data.Length; offset += ChunkBytes)
                {
                    var chunk = image.Data.Slice(offset, Math.Min(ChunkBytes, image.Data.Length - offset));
                    await WriteChunkAsync(writer, chunk.Span, encoded, cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteStringValueSegment(ReadOnlySpan<byte>.Empty, isFinalSegment: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    private static async Task WriteFileAsync(Utf8JsonWriter writer, string path, byte[] encoded, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var raw = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        await using (file.ConfigureAwait(false))
        {
            try
            {
                int read;
                while ((read = await file.ReadAtLeastAsync(raw.AsMemory(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false, cancellationToken)
                    .ConfigureAwait(false)) > 0)
                {
                    await WriteChunkAsync(writer, raw.AsSpan(0, read), encoded, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(raw);
            }
        }
    }

    private static ValueTask WriteChunkAsync(Utf8JsonWriter writer, ReadOnlySpan<byte> chunk, byte[] encoded, CancellationToken cancellationToken)
    {
        Base64.EncodeToUtf8(chunk, encoded, out _, out var written);
        writer.WriteStringValueSegment(encoded.AsSpan(0, written), isFinalSegment: false);
        return new ValueTask(writer.FlushAsync(cancellationToken));
    }
}
