using System.Text;

namespace NanoBanana.Sdk.Testing;

/// <summary>One HTTP request the emulator received, captured before any handling.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The request path, e.g. <c>/nananobanana/api/v1/generate</c>.</param>
/// <param name="QueryString">The query string including its leading <c>?</c>, or empty when there is none.</param>
/// <param name="Headers">The request headers; names are case-insensitive and repeated values are joined with <c>, </c>.</param>
/// <param name="Body">The raw request body bytes.</param>
/// <param name="ReceivedAt">When the emulator received the request.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);
}
