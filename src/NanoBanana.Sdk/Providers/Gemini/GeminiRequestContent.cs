using System.Net;
using System.Net.Http.Headers;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// The request body, written by <see cref="GeminiRequestWriter"/> each time the body is sent, so a retry after a
/// connect failure resends it whole (and re-reads file references) instead of replaying a consumed stream.
/// </summary>
internal sealed class GeminiRequestContent : HttpContent
{
    private readonly GeminiGenerateContentRequest _request;

    public GeminiRequestContent(GeminiGenerateContentRequest request)
    {
        _request = request;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        GeminiRequestWriter.WriteAsync(stream, _request, cancellationToken);

    /// <summary>The length is not computed up front (that would encode every image twice); the body goes out chunked.</summary>
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
