using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>The body of a <c>POST /generate</c> answer in <c>sync</c> or <c>async</c> mode.</summary>
public sealed record NanaNanoBananaGenerateResponse
{
    /// <summary>Whether the generation succeeded (sync) or was accepted (async). Always check it: a content warning is HTTP 200 with <see langword="false"/>.</summary>
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    /// <summary>Set on an async submit.</summary>
    [JsonPropertyName("async")]
    public bool? Async { get; init; }

    /// <summary>Set when the output failed the vendor's content-safety check (credits are still charged).</summary>
    [JsonPropertyName("warning")]
    public bool? Warning { get; init; }

    /// <summary>The generation id, usable with <c>GET /generate?id=</c>.</summary>
    [JsonPropertyName("generationId")]
    public string? GenerationId { get; init; }

    /// <summary>The result URLs of a sync generation.</summary>
    [JsonPropertyName("imageUrls")]
    public IReadOnlyList<string>? ImageUrls { get; init; }

    /// <summary>A generation record, which some answers carry instead of <see cref="ImageUrls"/>.</summary>
    [JsonPropertyName("data")]
    public NanaNanoBananaGeneration? Data { get; init; }

    /// <summary>The vendor's message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>An error text, when the vendor sent one.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Credits charged.</summary>
    [JsonPropertyName("creditsUsed")]
    public decimal? CreditsUsed { get; init; }

    /// <summary>The balance after the charge.</summary>
    [JsonPropertyName("remainingCredits")]
    public decimal? RemainingCredits { get; init; }
}
