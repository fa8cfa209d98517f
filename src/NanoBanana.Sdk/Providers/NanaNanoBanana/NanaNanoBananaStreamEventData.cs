using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>The <c>data</c> of a <c>complete</c> or <c>error</c> stream event.</summary>
public sealed record NanaNanoBananaStreamEventData
{
    /// <summary>Whether the generation succeeded.</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>The result URLs.</summary>
    [JsonPropertyName("imageUrls")]
    public IReadOnlyList<string>? ImageUrls { get; init; }

    /// <summary>The failure text.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The generation id (the vendor's CLI reads it from <c>complete</c>; undocumented).</summary>
    [JsonPropertyName("generationId")]
    public string? GenerationId { get; init; }
}
