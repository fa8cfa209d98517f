using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>The answer of <c>POST /nano-banana/tasks</c> with <c>action: "retrieve_batch"</c>.</summary>
public sealed record AceDataTaskBatch
{
    /// <summary>The task records found.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<AceDataTask> Items { get; init; } = [];

    /// <summary>How many records were returned.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }
}
