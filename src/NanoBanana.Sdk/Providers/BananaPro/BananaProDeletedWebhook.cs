using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The <c>data</c> of <c>DELETE /api/v1/webhooks/{id}</c>: the deleted id.</summary>
internal sealed record BananaProDeletedWebhook
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }
}
