using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The body of <c>POST /api/v1/webhooks</c>.</summary>
internal sealed record BananaProCreateWebhookRequest
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("events")]
    public required IReadOnlyList<string> Events { get; init; }

    [JsonPropertyName("secret_key")]
    public string? SecretKey { get; init; }

    /// <summary>Describes the request without the secret.</summary>
    public override string ToString() => $"BananaProCreateWebhookRequest {{ Url = {Url}, Events = {string.Join(",", Events)} }}";
}
