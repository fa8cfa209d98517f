using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>The body of <c>POST /nano-banana/tasks</c>: <c>{"id", "action": "retrieve"}</c> or <c>{"ids", "action": "retrieve_batch"}</c>.</summary>
internal sealed record AceDataTaskQuery
{
    public const string Retrieve = "retrieve";
    public const string RetrieveBatch = "retrieve_batch";

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("ids")]
    public IReadOnlyList<string>? Ids { get; init; }

    [JsonPropertyName("action")]
    public required string Action { get; init; }
}
