using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The <c>data</c> of a successful submit: the task id and what it cost.</summary>
public sealed record BananaProGenerateResponse
{
    /// <summary>The task id (for example <c>task_abc123</c>); the operation id of the common contract.</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary>Credits charged for the task.</summary>
    [JsonPropertyName("credits_used")]
    public decimal? CreditsUsed { get; init; }

    /// <summary>The API wallet's balance after the charge.</summary>
    [JsonPropertyName("remaining_credits")]
    public decimal? RemainingCredits { get; init; }

    /// <summary>The model that runs the task.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }
}
