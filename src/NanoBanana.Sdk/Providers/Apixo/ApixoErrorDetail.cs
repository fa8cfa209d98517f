using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>The <c>data</c> object of an error body.</summary>
internal sealed record ApixoErrorDetail
{
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
