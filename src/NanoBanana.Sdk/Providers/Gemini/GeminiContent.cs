using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>One turn of a conversation: a role and its parts.</summary>
public sealed record GeminiContent
{
    /// <summary><c>user</c> or <c>model</c>; optional on the Gemini API (it defaults to <c>user</c>).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>The parts: text, inline images, file references.</summary>
    [JsonPropertyName("parts")]
    public required IReadOnlyList<GeminiPart> Parts { get; init; }
}
