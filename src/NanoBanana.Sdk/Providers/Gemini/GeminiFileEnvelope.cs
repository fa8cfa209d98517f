using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary><c>{"file": {...}}</c>: the body of an upload start and the answer of a finished upload.</summary>
internal sealed record GeminiFileEnvelope
{
    [JsonPropertyName("file")]
    public GeminiFile? File { get; init; }
}
