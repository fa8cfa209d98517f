using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>The document inside <c>resultJson</c>.</summary>
internal sealed record ApixoResultPayload
{
    /// <summary>An array of URLs (documented), or one URL as a string.</summary>
    [JsonPropertyName("resultUrls")]
    public JsonElement? ResultUrls { get; init; }
}
