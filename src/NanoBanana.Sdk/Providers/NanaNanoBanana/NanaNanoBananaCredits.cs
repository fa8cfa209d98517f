using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>The account balance from <c>GET /credits</c>.</summary>
public sealed record NanaNanoBananaCredits
{
    /// <summary>The credits left.</summary>
    [JsonPropertyName("credits")]
    public decimal Credits { get; init; }
}
