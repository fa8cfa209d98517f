using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>The vendor's error body: <c>{"error": "...", "type": "...", "activeTasks": n}</c> (only the 503 shape is documented).</summary>
internal sealed record NanaNanoBananaErrorBody
{
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("activeTasks")]
    public int? ActiveTasks { get; init; }
}
