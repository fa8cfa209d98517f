using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>A webhook endpoint registered on the account (the vendor never returns its <c>secret_key</c>).</summary>
public sealed record BananaProWebhookEndpoint
{
    /// <summary>The endpoint id, used to delete it.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Where the vendor delivers events.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The subscribed events, for example <c>job.completed</c>.</summary>
    [JsonPropertyName("events")]
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>The endpoint's state, for example <c>active</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}
