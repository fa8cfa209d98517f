using System.Net;

namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>Answers every request with the same status, content type and body, so a client's parsers see nothing else.</summary>
/// <param name="status">The status code.</param>
/// <param name="contentType">The <c>Content-Type</c> header, sent as given.</param>
/// <param name="body">The body bytes.</param>
public sealed class FuzzResponseHandler(int status, string contentType, byte[] body) : HttpMessageHandler
{
    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = content, RequestMessage = request });
    }
}
