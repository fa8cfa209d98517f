using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Bytes carried inline, base64 on the wire. Responses decode them straight from the network into <see cref="Data"/>
/// without a base64 string or a second copy; requests encode them straight into the request stream.
/// </summary>
public sealed record GeminiInlineData
{
    /// <summary>The media type, for example <c>image/png</c>. Gemini chooses the output type; read it rather than assuming PNG.</summary>
    [JsonPropertyName("mimeType")]
    public required string MimeType { get; init; }

    /// <summary>The bytes.</summary>
    [JsonPropertyName("data")]
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>A local file whose bytes are encoded from the file stream when the request is sent, instead of <see cref="Data"/>.</summary>
    [JsonIgnore]
    internal string? FilePath { get; init; }

    /// <summary>Describes the data without its bytes.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() => FilePath is null
        ? $"GeminiInlineData {{ MimeType = {MimeType}, Bytes = {Data.Length} }}"
        : $"GeminiInlineData {{ MimeType = {MimeType}, File = {FilePath} }}";
}
