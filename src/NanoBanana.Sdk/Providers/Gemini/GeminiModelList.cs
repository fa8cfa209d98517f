using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>One page of <c>GET models</c>.</summary>
internal sealed record GeminiModelList
{
    [JsonPropertyName("models")]
    public List<GeminiModelInfo>? Models { get; init; }

    [JsonPropertyName("nextPageToken")]
    public string? NextPageToken { get; init; }
}
