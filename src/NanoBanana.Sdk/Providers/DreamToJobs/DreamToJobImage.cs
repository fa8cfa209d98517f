using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// One result image: a URL, or bytes the vendor sent inline as base64. Read tolerantly: a bare string is a URL; an
/// object may carry <c>url</c>, <c>b64_json</c> / <c>data</c> / <c>base64</c>, and <c>mime_type</c> / <c>mimeType</c>.
/// </summary>
[JsonConverter(typeof(DreamToJobImageConverter))]
public sealed record DreamToJobImage
{
    /// <summary>Where the vendor hosts the image; <see langword="null"/> for an inline image.</summary>
    public string? Url { get; init; }

    /// <summary>The decoded image bytes of an inline image; <see langword="null"/> for a URL image.</summary>
    public ReadOnlyMemory<byte>? Data { get; init; }

    /// <summary>The media type, when the vendor says.</summary>
    public string? MimeType { get; init; }

    /// <summary>An inline value not decoded while parsing: a placeholder for a blob lifted out of a streamed body, or base64 in a lenient spelling.</summary>
    internal string? InlineReference { get; init; }

    /// <summary>Describes the image without its bytes.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() => Data is { } data
        ? $"DreamToJobImage {{ MimeType = {MimeType}, Bytes = {data.Length} }}"
        : $"DreamToJobImage {{ MimeType = {MimeType}, Url = {Url} }}";
}
