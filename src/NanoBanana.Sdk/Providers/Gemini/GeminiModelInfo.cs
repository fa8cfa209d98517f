using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>One entry of <c>GET models</c>. Model ids change between preview and GA: read them rather than hard-coding.</summary>
public sealed record GeminiModelInfo
{
    private const string NamePrefix = "models/";

    /// <summary>The resource name, <c>models/{id}</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The id to put in a request (<see cref="Name"/> without <c>models/</c>).</summary>
    [JsonIgnore]
    public string Id => Name.StartsWith(NamePrefix, StringComparison.Ordinal) ? Name[NamePrefix.Length..] : Name;

    /// <summary>The base model's id.</summary>
    [JsonPropertyName("baseModelId")]
    public string? BaseModelId { get; init; }

    /// <summary>The version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>A description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The most input tokens.</summary>
    [JsonPropertyName("inputTokenLimit")]
    public long? InputTokenLimit { get; init; }

    /// <summary>The most output tokens.</summary>
    [JsonPropertyName("outputTokenLimit")]
    public long? OutputTokenLimit { get; init; }

    /// <summary>The methods the model serves, for example <c>generateContent</c>.</summary>
    [JsonPropertyName("supportedGenerationMethods")]
    public IReadOnlyList<string> SupportedGenerationMethods { get; init; } = [];
}
