using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The wrapper of every answer: <c>{"success", "data", "error", "request_id"}</c>; errors leave out <c>data</c>.</summary>
internal sealed record BananaProEnvelope<T>
{
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    [JsonPropertyName("data")]
    public T? Data { get; init; }

    [JsonPropertyName("error")]
    public BananaProError? Error { get; init; }

    /// <summary>Shown on the balances answer; assumed on others too.</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }
}
