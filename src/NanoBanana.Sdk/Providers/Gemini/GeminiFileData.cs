using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>A file referenced by URI: a Files API upload (<see cref="GeminiFile.Uri"/>), or on gateways a public URL.</summary>
public sealed record GeminiFileData
{
    /// <summary>The media type; Google requires it.</summary>
    [JsonPropertyName("mimeType")]
    public string? MimeType { get; init; }

    /// <summary>The file's URI.</summary>
    [JsonPropertyName("fileUri")]
    public required Uri FileUri { get; init; }
}
