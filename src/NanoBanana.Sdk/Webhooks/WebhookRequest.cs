namespace NanoBanana.Sdk.Webhooks;

/// <summary>
/// A vendor's callback as received: the raw body bytes (signatures are computed over them, so read them before any
/// model binding), the headers, and the URL it was delivered to (which carries the SDK's callback token).
/// </summary>
/// <param name="Body">The raw request body.</param>
/// <param name="Headers">The request headers; look-ups should ignore case.</param>
/// <param name="RequestUri">The URL the vendor called, including its query string.</param>
public sealed record WebhookRequest(ReadOnlyMemory<byte> Body, IReadOnlyDictionary<string, string> Headers, Uri? RequestUri = null)
{
    /// <summary>Reads a header, ignoring case.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetHeader(string name)
    {
        if (Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        return Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>Describes the request without its body.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() => $"WebhookRequest {{ Bytes = {Body.Length}, Headers = {Headers.Count}, Path = {RequestUri?.AbsolutePath} }}";
}
