using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>Google's error body: <c>{"error": {"code", "message", "status", "details": [...]}}</c> (a <c>google.rpc.Status</c>).</summary>
internal sealed record GeminiErrorBody
{
    [JsonPropertyName("error")]
    public GeminiErrorStatus? Error { get; init; }
}

internal sealed record GeminiErrorStatus
{
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The canonical status, for example <c>RESOURCE_EXHAUSTED</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("details")]
    public List<GeminiErrorDetail>? Details { get; init; }
}

/// <summary>One typed detail; <c>google.rpc.RetryInfo</c> (<c>retryDelay</c>) and <c>google.rpc.ErrorInfo</c> (<c>reason</c>) are read.</summary>
internal sealed record GeminiErrorDetail
{
    [JsonPropertyName("@type")]
    public string? Type { get; init; }

    /// <summary>A proto3 JSON duration such as <c>"27s"</c> or <c>"1.5s"</c>.</summary>
    [JsonPropertyName("retryDelay")]
    public string? RetryDelay { get; init; }

    /// <summary>An <c>ErrorInfo</c> reason such as <c>API_KEY_INVALID</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
