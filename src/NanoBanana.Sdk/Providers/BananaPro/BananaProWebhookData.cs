using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The <c>data</c> of a webhook delivery.</summary>
public sealed record BananaProWebhookData
{
    /// <summary>The result image of a completed task.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Credits charged for the task.</summary>
    [JsonPropertyName("credits_charged")]
    public decimal? CreditsCharged { get; init; }

    /// <summary>Why the task failed (the failure payload is undocumented; a string or the message of an error object).</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(BananaProErrorTextConverter))]
    public string? Error { get; init; }

    /// <summary>Why the task failed, under the other name public clients probe.</summary>
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; init; }
}
