using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// The skeleton of a <c>GenerateContentResponse</c> as <see cref="Http.InlineData.InlineDataJsonReader"/> leaves it:
/// each <c>inlineData.data</c> is a <c>"#blob:N"</c> placeholder. <see cref="ToResponse"/> builds the public record over
/// the decoded blobs without copying them.
/// </summary>
internal sealed record GeminiWireResponse
{
    [JsonPropertyName("candidates")]
    public List<GeminiWireCandidate>? Candidates { get; init; }

    [JsonPropertyName("promptFeedback")]
    public GeminiPromptFeedback? PromptFeedback { get; init; }

    [JsonPropertyName("usageMetadata")]
    public GeminiUsageMetadata? UsageMetadata { get; init; }

    [JsonPropertyName("modelVersion")]
    public string? ModelVersion { get; init; }

    [JsonPropertyName("responseId")]
    public string? ResponseId { get; init; }

    /// <summary>An error object in place of an answer, as a stream may send before it closes.</summary>
    [JsonPropertyName("error")]
    public GeminiErrorStatus? Error { get; init; }

    /// <param name="bytes">Resolves an <c>inlineData.data</c> skeleton value to its bytes.</param>
    public GeminiGenerateContentResponse ToResponse(Func<string, ReadOnlyMemory<byte>> bytes) => new()
    {
        Candidates = Candidates?.Select(c => c?.ToCandidate(bytes) ?? new GeminiCandidate()).ToList() ?? [],
        PromptFeedback = PromptFeedback,
        UsageMetadata = UsageMetadata,
        ModelVersion = ModelVersion,
        ResponseId = ResponseId,
    };
}

internal sealed record GeminiWireCandidate
{
    [JsonPropertyName("content")]
    public GeminiWireContent? Content { get; init; }

    [JsonPropertyName("finishReason")]
    public string? FinishReason { get; init; }

    [JsonPropertyName("finishMessage")]
    public string? FinishMessage { get; init; }

    [JsonPropertyName("index")]
    public int? Index { get; init; }

    [JsonPropertyName("safetyRatings")]
    public List<GeminiSafetyRating>? SafetyRatings { get; init; }

    public GeminiCandidate ToCandidate(Func<string, ReadOnlyMemory<byte>> bytes) => new()
    {
        Content = Content is null ? null : new GeminiContent
        {
            Role = Content.Role,
            Parts = Content.Parts?.Select(p => p?.ToPart(bytes) ?? new GeminiPart()).ToList() ?? [],
        },
        FinishReason = FinishReason,
        FinishMessage = FinishMessage,
        Index = Index,
        SafetyRatings = SafetyRatings,
    };
}

internal sealed record GeminiWireContent
{
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    [JsonPropertyName("parts")]
    public List<GeminiWirePart>? Parts { get; init; }
}

internal sealed record GeminiWirePart
{
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("inlineData")]
    public GeminiWireInlineData? InlineData { get; init; }

    /// <summary>The proto3 field name, which some proxies write instead of the camelCase one.</summary>
    [JsonPropertyName("inline_data")]
    public GeminiWireInlineData? InlineDataSnakeCase { get; init; }

    [JsonPropertyName("fileData")]
    public GeminiFileData? FileData { get; init; }

    [JsonPropertyName("thought")]
    public bool? Thought { get; init; }

    [JsonPropertyName("thoughtSignature")]
    public string? ThoughtSignature { get; init; }

    public GeminiPart ToPart(Func<string, ReadOnlyMemory<byte>> bytes) => new()
    {
        Text = Text,
        InlineData = (InlineData ?? InlineDataSnakeCase) is { } inline
            ? new GeminiInlineData { MimeType = inline.MimeType ?? inline.MimeTypeSnakeCase ?? "application/octet-stream", Data = inline.Data is null ? default : bytes(inline.Data) }
            : null,
        FileData = FileData,
        Thought = Thought,
        ThoughtSignature = ThoughtSignature,
    };
}

internal sealed record GeminiWireInlineData
{
    [JsonPropertyName("mimeType")]
    public string? MimeType { get; init; }

    [JsonPropertyName("mime_type")]
    public string? MimeTypeSnakeCase { get; init; }

    /// <summary>The <c>"#blob:N"</c> placeholder, or short base64 left inline.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; init; }
}
