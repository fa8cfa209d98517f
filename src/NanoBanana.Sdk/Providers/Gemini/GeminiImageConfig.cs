using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>The <c>generationConfig.imageConfig</c> of a request.</summary>
public sealed record GeminiImageConfig
{
    /// <summary>The shape, for example <c>16:9</c>; omitted, the model picks (usually 1:1, or the reference image's shape).</summary>
    [JsonPropertyName("aspectRatio")]
    public string? AspectRatio { get; init; }

    /// <summary>The size tier with an uppercase K: <c>1K</c> (default), <c>2K</c>, <c>4K</c>, and <c>512</c> on Gemini 3.1 Flash Image.</summary>
    [JsonPropertyName("imageSize")]
    public string? ImageSize { get; init; }
}
