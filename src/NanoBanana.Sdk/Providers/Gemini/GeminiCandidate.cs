using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>One candidate answer.</summary>
public sealed record GeminiCandidate
{
    /// <summary>The answer's parts: text, images, thoughts.</summary>
    [JsonPropertyName("content")]
    public GeminiContent? Content { get; init; }

    /// <summary>Why generation stopped, for example <c>STOP</c>, <c>IMAGE_SAFETY</c> or <c>NO_IMAGE</c>; gateways may omit it.</summary>
    [JsonPropertyName("finishReason")]
    public string? FinishReason { get; init; }

    /// <summary>A human-readable explanation of <see cref="FinishReason"/>, where given.</summary>
    [JsonPropertyName("finishMessage")]
    public string? FinishMessage { get; init; }

    /// <summary>The candidate's index.</summary>
    [JsonPropertyName("index")]
    public int? Index { get; init; }

    /// <summary>Safety ratings of the output.</summary>
    [JsonPropertyName("safetyRatings")]
    public IReadOnlyList<GeminiSafetyRating>? SafetyRatings { get; init; }
}
