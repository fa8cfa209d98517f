using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>Source-generated JSON for every BananaPro wire type read or written by type; no reflection.</summary>
/// <remarks>The submit body is written by hand (<see cref="BananaProGenerateContent"/>) so reference images stream into it.</remarks>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BananaProEnvelope<BananaProGenerateResponse>))]
[JsonSerializable(typeof(BananaProEnvelope<BananaProTask>))]
[JsonSerializable(typeof(BananaProEnvelope<BananaProBalances>))]
[JsonSerializable(typeof(BananaProEnvelope<List<BananaProWebhookEndpoint>>))]
[JsonSerializable(typeof(BananaProEnvelope<BananaProWebhookEndpoint>))]
[JsonSerializable(typeof(BananaProEnvelope<BananaProDeletedWebhook>))]
[JsonSerializable(typeof(BananaProEnvelope<JsonElement>))]
[JsonSerializable(typeof(BananaProCreateWebhookRequest))]
[JsonSerializable(typeof(BananaProWebhookPayload))]
[JsonSerializable(typeof(BananaProError))]
internal sealed partial class BananaProJsonContext : JsonSerializerContext;
