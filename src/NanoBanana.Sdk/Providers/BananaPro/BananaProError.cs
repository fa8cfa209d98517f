using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The <c>error</c> object of a failed answer: <c>{"code": "unauthorized", "message": "..."}</c>.</summary>
internal sealed record BananaProError
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
