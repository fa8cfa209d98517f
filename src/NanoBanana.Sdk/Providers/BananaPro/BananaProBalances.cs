using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The account's wallets from <c>GET /api/v1/account/balances</c>. API calls draw from <see cref="ApiCredits"/>.</summary>
public sealed record BananaProBalances
{
    /// <summary>Credits of the web wallet (used on the vendor's website).</summary>
    [JsonPropertyName("web_credits")]
    public decimal WebCredits { get; init; }

    /// <summary>Credits of the API wallet; a submit is refused with 402 when it is empty.</summary>
    [JsonPropertyName("api_credits")]
    public decimal ApiCredits { get; init; }
}
