using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>The vendor's error body: <c>{"code": 400, "message": "Invalid request", "data": {"error": "..."}}</c>.</summary>
internal sealed record ApixoErrorBody
{
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("data")]
    public ApixoErrorDetail? Data { get; init; }
}
