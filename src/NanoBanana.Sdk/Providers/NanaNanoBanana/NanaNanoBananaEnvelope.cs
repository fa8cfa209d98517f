using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>The <c>{"data": ...}</c> wrapper of the vendor's read endpoints.</summary>
internal sealed record NanaNanoBananaEnvelope<T>
{
    [JsonPropertyName("data")]
    public T? Data { get; init; }
}
