using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>Tokens of one modality, for example <c>IMAGE</c>.</summary>
public sealed record GeminiModalityTokenCount
{
    /// <summary>The modality: <c>TEXT</c>, <c>IMAGE</c>, ...</summary>
    [JsonPropertyName("modality")]
    public string? Modality { get; init; }

    /// <summary>The token count.</summary>
    [JsonPropertyName("tokenCount")]
    public long? TokenCount { get; init; }
}
