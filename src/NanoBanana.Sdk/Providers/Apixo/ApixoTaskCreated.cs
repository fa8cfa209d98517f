using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>The <c>data</c> of a submit answer: <c>{"taskId"}</c>, or <c>{"error"}</c> when the envelope reports a failure.</summary>
internal sealed record ApixoTaskCreated
{
    [JsonPropertyName("taskId")]
    public string? TaskId { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
