using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>One Server-Sent Event of a <c>stream</c> mode generation.</summary>
public sealed record NanaNanoBananaStreamEvent
{
    /// <summary><c>status</c>, <c>complete</c> or <c>error</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>A human-readable message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Progress from 0 to 100; heartbeats send 0 again, so it is not monotonic.</summary>
    [JsonPropertyName("progress")]
    public double? Progress { get; init; }

    /// <summary>The result on <c>complete</c>, the failure on <c>error</c>.</summary>
    [JsonPropertyName("data")]
    public NanaNanoBananaStreamEventData? Data { get; init; }

    /// <summary>The generation id, if the vendor includes it on the event itself (undocumented).</summary>
    [JsonPropertyName("generationId")]
    public string? GenerationId { get; init; }
}
