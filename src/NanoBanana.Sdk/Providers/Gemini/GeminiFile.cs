using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>A file in the Files API. Uploads are kept for 48 hours and cannot be downloaded again.</summary>
public sealed record GeminiFile
{
    /// <summary>The resource name, <c>files/{id}</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The display name given at upload.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>The media type.</summary>
    [JsonPropertyName("mimeType")]
    public string? MimeType { get; init; }

    /// <summary>The size in bytes.</summary>
    [JsonPropertyName("sizeBytes")]
    public long? SizeBytes { get; init; }

    /// <summary>When it was uploaded.</summary>
    [JsonPropertyName("createTime")]
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When it is deleted.</summary>
    [JsonPropertyName("expirationTime")]
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>The SHA-256 of the bytes, base64.</summary>
    [JsonPropertyName("sha256Hash")]
    public string? Sha256Hash { get; init; }

    /// <summary>The URI to send as <see cref="GeminiFileData.FileUri"/>.</summary>
    [JsonPropertyName("uri")]
    public Uri? Uri { get; init; }

    /// <summary><c>PROCESSING</c>, <c>ACTIVE</c> (usable) or <c>FAILED</c>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Where the file came from, for example <c>UPLOADED</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
}
