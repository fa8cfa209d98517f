using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// The answer of <c>POST /v1/files/upload</c>. The vendor does not document it; the SDK assumes this OpenAI-like file
/// object and needs only <see cref="Url"/>, which goes into <c>input.reference_image_urls</c>.
/// </summary>
public sealed record DreamToFile
{
    /// <summary>The file id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The <c>object</c> field: <c>file</c>.</summary>
    [JsonPropertyName("object")]
    public string? ObjectType { get; init; }

    /// <summary>The URL a job references the file by.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The file name sent.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    /// <summary>The file's size in bytes.</summary>
    [JsonPropertyName("bytes")]
    public long? Bytes { get; init; }

    /// <summary>The file's media type.</summary>
    [JsonPropertyName("mime_type")]
    public string? MimeType { get; init; }

    /// <summary>The <c>kind</c> sent, <c>image</c>.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>The <c>purpose</c> sent, <c>reference</c>.</summary>
    [JsonPropertyName("purpose")]
    public string? Purpose { get; init; }

    /// <summary>When the file was stored, in Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long? Created { get; init; }
}
