using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>The <c>input</c> object of <c>POST /v1/jobs</c>; unset fields are left out of the body.</summary>
public sealed record DreamToJobInput
{
    /// <summary>The prompt (required by the vendor).</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    /// <summary>Reference images the vendor fetches: public URLs, or URLs returned by <c>POST /v1/files/upload</c>.</summary>
    [JsonPropertyName("reference_image_urls")]
    public IReadOnlyList<Uri>? ReferenceImageUrls { get; init; }

    /// <summary>The size tier, for example <c>1K</c> (values undocumented; <c>1K</c>, <c>2K</c>, <c>4K</c> assumed).</summary>
    [JsonPropertyName("image_size")]
    public string? ImageSize { get; init; }

    /// <summary>The aspect ratio, for example <c>1:1</c> (values undocumented; Google's list assumed).</summary>
    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; init; }

    /// <summary>The output format, for example <c>image/png</c> (values undocumented; PNG and JPEG assumed).</summary>
    [JsonPropertyName("mime_type")]
    public string? MimeType { get; init; }

    /// <summary>What the model returns, for example <c>["TEXT", "IMAGE"]</c>.</summary>
    [JsonPropertyName("response_modalities")]
    public IReadOnlyList<string>? ResponseModalities { get; init; }

    /// <summary>A seed for repeatable output.</summary>
    [JsonPropertyName("seed")]
    public long? Seed { get; init; }

    /// <summary>Where the vendor posts the finished job (inside <c>input</c>, not top-level). Sent exactly as given.</summary>
    [JsonPropertyName("callback_url")]
    public Uri? CallbackUrl { get; init; }

    /// <summary>Extra fields written into <c>input</c> as they are.</summary>
    /// <remarks>Settable rather than init-only: System.Text.Json cannot bind extension data through an init accessor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Describes the input without the prompt text or the callback URL's token.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"DreamToJobInput {{ ImageSize = {ImageSize}, AspectRatio = {AspectRatio}, MimeType = {MimeType}, ReferenceImageUrls = {ReferenceImageUrls?.Count ?? 0}, Callback = {CallbackUrl is not null} }}";
}
