using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>The <c>generationConfig</c> of a request.</summary>
public sealed record GeminiGenerationConfig
{
    /// <summary>What the model may return: <c>TEXT</c>, <c>IMAGE</c>; image models default to both.</summary>
    [JsonPropertyName("responseModalities")]
    public IReadOnlyList<string>? ResponseModalities { get; init; }

    /// <summary>The image shape and size.</summary>
    [JsonPropertyName("imageConfig")]
    public GeminiImageConfig? ImageConfig { get; init; }

    /// <summary>The number of candidates; image output supports only 1.</summary>
    [JsonPropertyName("candidateCount")]
    public int? CandidateCount { get; init; }

    /// <summary>Sampling temperature.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling.</summary>
    [JsonPropertyName("topP")]
    public double? TopP { get; init; }

    /// <summary>Top-k sampling.</summary>
    [JsonPropertyName("topK")]
    public int? TopK { get; init; }

    /// <summary>A seed for more repeatable output.</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; init; }

    /// <summary>The most output tokens.</summary>
    [JsonPropertyName("maxOutputTokens")]
    public int? MaxOutputTokens { get; init; }

    /// <summary>Further fields (for example <c>thinkingConfig</c>), written as they are.</summary>
    /// <remarks>Settable rather than init-only: System.Text.Json cannot bind extension data through an init accessor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
