using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>The body of <c>POST /generate</c>.</summary>
public sealed record NanaNanoBananaGenerateRequest
{
    /// <summary>The prompt (required by the vendor).</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    /// <summary>A model <c>name</c> from <c>GET /models</c>; <see langword="null"/> for the vendor's default.</summary>
    [JsonPropertyName("selectedModel")]
    public string? SelectedModel { get; init; }

    /// <summary>Public reference image URLs; their presence makes the job image-to-image (+1 credit each).</summary>
    [JsonPropertyName("referenceImageUrls")]
    public IReadOnlyList<Uri>? ReferenceImageUrls { get; init; }

    /// <summary>The aspect ratio, for example <c>16:9</c>; <see langword="null"/> for the vendor's <c>default</c>.</summary>
    [JsonPropertyName("aspectRatio")]
    public string? AspectRatio { get; init; }

    /// <summary>One of <see cref="NanaNanoBananaModes"/>; <see langword="null"/> for <c>sync</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>Extra fields written into the body as they are.</summary>
    /// <remarks>Settable rather than init-only: System.Text.Json cannot bind extension data through an init accessor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Describes the request without the prompt text.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"NanaNanoBananaGenerateRequest {{ SelectedModel = {SelectedModel}, AspectRatio = {AspectRatio}, Mode = {Mode}, ReferenceImageUrls = {ReferenceImageUrls?.Count ?? 0} }}";
}
