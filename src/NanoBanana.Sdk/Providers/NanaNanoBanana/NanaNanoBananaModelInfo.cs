using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>One entry of <c>GET /models</c>. Ids change without notice: read them at run time rather than hard-coding.</summary>
public sealed record NanaNanoBananaModelInfo
{
    /// <summary>The id to send as <c>selectedModel</c>; may contain characters such as <c>&amp;</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Credits per generation.</summary>
    [JsonPropertyName("creditsCost")]
    public decimal? CreditsCost { get; init; }

    /// <summary>Whether reference images are accepted.</summary>
    [JsonPropertyName("supportsImageInput")]
    public bool? SupportsImageInput { get; init; }

    /// <summary>Whether <c>aspectRatio</c> is honoured.</summary>
    [JsonPropertyName("supportsAspectRatio")]
    public bool? SupportsAspectRatio { get; init; }

    /// <summary>Whether a Pro account is needed.</summary>
    [JsonPropertyName("requiresPro")]
    public bool? RequiresPro { get; init; }

    /// <summary>A description, where the vendor gives one.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
