using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>One part of a turn; exactly one of <see cref="Text"/>, <see cref="InlineData"/> and <see cref="FileData"/> is set.</summary>
public sealed record GeminiPart
{
    /// <summary>Text: the prompt, or the model's commentary.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Bytes sent or returned inline, such as an image.</summary>
    [JsonPropertyName("inlineData")]
    public GeminiInlineData? InlineData { get; init; }

    /// <summary>A reference to a file by URI, such as a Files API upload.</summary>
    [JsonPropertyName("fileData")]
    public GeminiFileData? FileData { get; init; }

    /// <summary>Marks the model's thinking output (thought summaries and interim draft images), which is not the result.</summary>
    [JsonPropertyName("thought")]
    public bool? Thought { get; init; }

    /// <summary>An opaque signature on model parts; echo it back verbatim in a multi-turn conversation.</summary>
    [JsonPropertyName("thoughtSignature")]
    public string? ThoughtSignature { get; init; }
}
