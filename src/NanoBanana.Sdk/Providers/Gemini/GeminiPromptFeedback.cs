using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>Feedback on the prompt; a <see cref="BlockReason"/> means it was blocked and nothing was generated.</summary>
public sealed record GeminiPromptFeedback
{
    /// <summary>Why the prompt was blocked, for example <c>SAFETY</c> or <c>PROHIBITED_CONTENT</c>.</summary>
    [JsonPropertyName("blockReason")]
    public string? BlockReason { get; init; }

    /// <summary>A human-readable explanation, where given.</summary>
    [JsonPropertyName("blockReasonMessage")]
    public string? BlockReasonMessage { get; init; }

    /// <summary>Safety ratings of the prompt.</summary>
    [JsonPropertyName("safetyRatings")]
    public IReadOnlyList<GeminiSafetyRating>? SafetyRatings { get; init; }
}
