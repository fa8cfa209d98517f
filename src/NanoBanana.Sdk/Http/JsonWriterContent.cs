using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// A JSON request body written with <see cref="Utf8JsonWriter"/> straight onto the request stream, again on every send,
/// so a retried request sends the same body. Its length is unknown up front because base64 is produced on the fly.
/// </summary>
internal abstract class JsonWriterContent : HttpContent
{
    // Written as JavaScript's JSON.stringify would: base64's '+' stays literal instead of \u002B.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected JsonWriterContent()
    {
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    /// <summary>Writes the whole JSON document.</summary>
    protected abstract Task WriteAsync(Utf8JsonWriter writer, CancellationToken cancellationToken);

    protected static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    protected static void WriteAdditionalProperties(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, JsonElement>>? properties)
    {
        foreach (var (name, value) in properties ?? [])
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(stream, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            await WriteAsync(writer, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
