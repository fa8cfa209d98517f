using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// The body of <c>:generateContent</c> and <c>:streamGenerateContent</c> (Google's <c>GenerateContentRequest</c>).
/// The client writes it straight into the request stream, base64-encoding inline images as it goes.
/// </summary>
public sealed record GeminiGenerateContentRequest
{
    /// <summary>The conversation; the last item is the new user turn.</summary>
    [JsonPropertyName("contents")]
    public required IReadOnlyList<GeminiContent> Contents { get; init; }

    /// <summary>A system instruction, if any.</summary>
    [JsonPropertyName("systemInstruction")]
    public GeminiContent? SystemInstruction { get; init; }

    /// <summary>Output settings: modalities, image shape and size, sampling.</summary>
    [JsonPropertyName("generationConfig")]
    public GeminiGenerationConfig? GenerationConfig { get; init; }

    /// <summary>Safety thresholds per harm category.</summary>
    [JsonPropertyName("safetySettings")]
    public IReadOnlyList<GeminiSafetySetting>? SafetySettings { get; init; }

    /// <summary>Further top-level fields (for example <c>tools</c>), written into the body as they are.</summary>
    /// <remarks>Settable rather than init-only: System.Text.Json cannot bind extension data through an init accessor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Describes the request without its text or image bytes.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"GeminiGenerateContentRequest {{ Contents = {Contents.Count}, Parts = {Contents.Sum(c => c.Parts.Count)}, GenerationConfig = {GenerationConfig} }}";
}
