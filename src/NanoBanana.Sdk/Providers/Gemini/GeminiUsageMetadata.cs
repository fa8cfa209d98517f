using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>Token counts of a call.</summary>
public sealed record GeminiUsageMetadata
{
    /// <summary>Input tokens (text and images).</summary>
    [JsonPropertyName("promptTokenCount")]
    public long? PromptTokenCount { get; init; }

    /// <summary>Output tokens of the answer.</summary>
    [JsonPropertyName("candidatesTokenCount")]
    public long? CandidatesTokenCount { get; init; }

    /// <summary>Thinking tokens, billed as output.</summary>
    [JsonPropertyName("thoughtsTokenCount")]
    public long? ThoughtsTokenCount { get; init; }

    /// <summary>All tokens.</summary>
    [JsonPropertyName("totalTokenCount")]
    public long? TotalTokenCount { get; init; }

    /// <summary>Input tokens per modality.</summary>
    [JsonPropertyName("promptTokensDetails")]
    public IReadOnlyList<GeminiModalityTokenCount>? PromptTokensDetails { get; init; }

    /// <summary>Output tokens per modality.</summary>
    [JsonPropertyName("candidatesTokensDetails")]
    public IReadOnlyList<GeminiModalityTokenCount>? CandidatesTokensDetails { get; init; }
}
