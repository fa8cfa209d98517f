using System.Buffers;
using System.Buffers.Text;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>
/// The physical floor of "get the image out of a Gemini answer": buffer the whole body into one array of its exact
/// length, find the base64 value without parsing the JSON, and decode it with <see cref="Base64.DecodeFromUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/>
/// into one array of the image's exact length. Nothing a real client must do (JSON parsing, escapes, several parts) is done.
/// </summary>
internal sealed class FloorClient(HttpClient http)
{
    private static ReadOnlySpan<byte> DataKey => "\"data\":\""u8;

    public async Task<ReadOnlyMemory<byte>> GenerateAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = GeminiRequestBody.Create() };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = new byte[response.Content.Headers.ContentLength ?? throw new InvalidOperationException("The floor needs a Content-Length.")];
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            await stream.ReadExactlyAsync(body, cancellationToken);
        }

        return Decode(body);
    }

    private static byte[] Decode(byte[] body)
    {
        var start = body.AsSpan().IndexOf(DataKey) + DataKey.Length;
        var base64 = body.AsSpan(start);
        base64 = base64[..base64.IndexOf((byte)'"')];
        var padding = base64.EndsWith("=="u8) ? 2 : base64.EndsWith("="u8) ? 1 : 0;
        var image = new byte[(base64.Length / 4 * 3) - padding];
        if (Base64.DecodeFromUtf8(base64, image, out _, out var written) != OperationStatus.Done || written != image.Length)
        {
            throw new InvalidOperationException("The floor could not decode the image.");
        }

        return image;
    }
}
