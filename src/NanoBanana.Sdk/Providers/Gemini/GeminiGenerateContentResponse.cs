using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>A <c>generateContent</c> answer, or one chunk of a stream (Google's <c>GenerateContentResponse</c>).</summary>
public sealed record GeminiGenerateContentResponse
{
    /// <summary>The candidates; missing when the prompt was blocked (see <see cref="PromptFeedback"/>).</summary>
    [JsonPropertyName("candidates")]
    public IReadOnlyList<GeminiCandidate> Candidates { get; init; } = [];

    /// <summary>Why the prompt was blocked, if it was; in a stream only in the first chunk.</summary>
    [JsonPropertyName("promptFeedback")]
    public GeminiPromptFeedback? PromptFeedback { get; init; }

    /// <summary>Token counts; in a stream on the last chunk.</summary>
    [JsonPropertyName("usageMetadata")]
    public GeminiUsageMetadata? UsageMetadata { get; init; }

    /// <summary>The model that answered (a gateway may echo its own alias).</summary>
    [JsonPropertyName("modelVersion")]
    public string? ModelVersion { get; init; }

    /// <summary>The response id, where the server sends one.</summary>
    [JsonPropertyName("responseId")]
    public string? ResponseId { get; init; }
}
