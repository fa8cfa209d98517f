using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>A safety threshold for one harm category.</summary>
public sealed record GeminiSafetySetting
{
    /// <summary>The category, for example <c>HARM_CATEGORY_DANGEROUS_CONTENT</c>.</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }

    /// <summary>The threshold, for example <c>BLOCK_ONLY_HIGH</c> or <c>OFF</c>.</summary>
    [JsonPropertyName("threshold")]
    public required string Threshold { get; init; }
}
