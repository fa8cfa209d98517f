using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Http;

/// <summary>Writes JSON bodies by hand with <see cref="Utf8JsonWriter"/>, which needs no reflection and suits AOT.</summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";

    // Vendors serialize like JavaScript's JSON.stringify: characters such as '&' in model ids stay literal.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds a compact JSON document.</summary>
    public static ReadOnlyMemory<byte> Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Sends a JSON document with the given status code.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write) =>
        WriteRawAsync(context, statusCode, Build(write));

    /// <summary>Sends already-encoded bytes as a JSON response, whether or not they are valid JSON.</summary>
    public static async Task WriteRawAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
