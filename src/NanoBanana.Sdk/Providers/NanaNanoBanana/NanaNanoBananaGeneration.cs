using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>A generation record from <c>GET /generate?id=</c>.</summary>
public sealed record NanaNanoBananaGeneration
{
    /// <summary>The generation id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The prompt, echoed.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>The result URLs; <see langword="null"/> until completed.</summary>
    [JsonPropertyName("outputImageUrls")]
    public IReadOnlyList<string>? OutputImageUrls { get; init; }

    /// <summary>The model that ran.</summary>
    [JsonPropertyName("modelUsed")]
    public string? ModelUsed { get; init; }

    /// <summary><c>processing</c>, <c>completed</c> or <c>failed</c>.</summary>
    [JsonPropertyName("processingStatus")]
    public string? ProcessingStatus { get; init; }

    /// <summary>Why it failed, when <see cref="ProcessingStatus"/> is <c>failed</c>.</summary>
    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; init; }

    /// <summary>Credits charged.</summary>
    [JsonPropertyName("creditsUsed")]
    public decimal? CreditsUsed { get; init; }

    /// <summary>When the generation was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Describes the record without the prompt text.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"NanaNanoBananaGeneration {{ Id = {Id}, ProcessingStatus = {ProcessingStatus}, ModelUsed = {ModelUsed}, OutputImageUrls = {OutputImageUrls?.Count ?? 0} }}";
}
