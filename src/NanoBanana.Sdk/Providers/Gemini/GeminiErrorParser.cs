using System.Globalization;
using System.Text.Json;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Reads <c>{"error": {"code", "message", "status", "details"}}</c>: <c>status</c> becomes the error code and a
/// <c>google.rpc.RetryInfo</c> detail's <c>retryDelay</c> the wait, which the retry handler honours beside <c>Retry-After</c>.
/// Google answers a wrong key with 400 <c>INVALID_ARGUMENT</c> and the <c>ErrorInfo</c> reason <c>API_KEY_INVALID</c>,
/// which is classified as an authentication failure.
/// </summary>
internal sealed class GeminiErrorParser : IProviderErrorParser
{
    private const string RetryInfoType = "google.rpc.RetryInfo";

    public static GeminiErrorParser Instance { get; } = new();

    public string AuthenticationHint =>
        "Check NanoBanana:Gemini:ApiKey or the GEMINI_API_KEY / GOOGLE_API_KEY environment variable, and AuthScheme " +
        "(GoogleApiKey sends x-goog-api-key for Google; Bearer sends Authorization: Bearer for gateways).";

    public ProviderError? Parse(int statusCode, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var error = JsonSerializer.Deserialize(body, GeminiJsonContext.Default.GeminiErrorBody)?.Error;
        return error is null ? null : From(error);
    }

    private static ProviderError From(GeminiErrorStatus error) => new(
        error.Status,
        error.Message,
        RetryAfter: error.Details?.OfType<GeminiErrorDetail>().Select(RetryDelay).FirstOrDefault(delay => delay is not null),
        Kind: error.Details?.Any(d => d?.Reason == "API_KEY_INVALID") == true ? ProviderErrorKind.Authentication : null);

    /// <summary>A proto3 JSON duration: decimal seconds followed by <c>s</c>, such as <c>"27s"</c> or <c>"0.5s"</c>.</summary>
    private static TimeSpan? RetryDelay(GeminiErrorDetail detail) =>
        detail.RetryDelay is { Length: > 1 } text
        && (detail.Type is null || detail.Type.EndsWith(RetryInfoType, StringComparison.Ordinal))
        && text.EndsWith('s')
        && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
        && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
