using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>The <c>{"code", "message", "data"}</c> wrapper of every APIXO answer; <c>code</c> mirrors the HTTP status.</summary>
internal sealed record ApixoEnvelope<T>
{
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("data")]
    public T? Data { get; init; }
}
