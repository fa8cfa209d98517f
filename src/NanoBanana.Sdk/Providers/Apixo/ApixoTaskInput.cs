using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>The <c>input</c> object of a task: the Nano Banana models' parameters.</summary>
public sealed record ApixoTaskInput
{
    /// <summary>One of <see cref="ApixoTaskModes"/>.</summary>
    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    /// <summary>The prompt (1 to 5,000 characters on <c>nano-banana</c>).</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    /// <summary>The aspect ratio, for example <c>16:9</c> or <c>auto</c>; the vendor's default is <c>1:1</c>.</summary>
    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; init; }

    /// <summary><c>1K</c>, <c>2K</c> or <c>4K</c>, on <c>nano-banana-pro</c> and <c>nano-banana-2</c> only.</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }

    /// <summary>Public reference image URLs for <see cref="ApixoTaskModes.ImageToImage"/> (JPG, PNG or WebP, 10 MB each at most).</summary>
    [JsonPropertyName("image_urls")]
    public IReadOnlyList<Uri>? ImageUrls { get; init; }

    /// <summary><c>png</c> or <c>jpeg</c>; <see langword="null"/> for the vendor's default.</summary>
    [JsonPropertyName("output_format")]
    public string? OutputFormat { get; init; }

    /// <summary>Ground the image in Google Search results (<c>nano-banana-2</c> only).</summary>
    [JsonPropertyName("google_search")]
    public bool? GoogleSearch { get; init; }

    /// <summary>Extra input fields written as they are.</summary>
    /// <remarks>Settable rather than init-only: System.Text.Json cannot bind extension data through an init accessor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Describes the input without the prompt text.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"ApixoTaskInput {{ Mode = {Mode}, AspectRatio = {AspectRatio}, Resolution = {Resolution}, OutputFormat = {OutputFormat}, ImageUrls = {ImageUrls?.Count ?? 0} }}";
}
