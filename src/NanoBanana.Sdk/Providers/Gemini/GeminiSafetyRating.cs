using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>A safety rating of a prompt or an output.</summary>
public sealed record GeminiSafetyRating
{
    /// <summary>The harm category.</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary>The probability of harm, for example <c>NEGLIGIBLE</c>.</summary>
    [JsonPropertyName("probability")]
    public string? Probability { get; init; }

    /// <summary>Whether this rating blocked the content.</summary>
    [JsonPropertyName("blocked")]
    public bool? Blocked { get; init; }
}
