using System.Text.Json;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Reads <c>{"success": false, "error": {"code", "message"}, "request_id"}</c>, the vendor's one error shape; a 429 for the
/// daily request limit is a used-up quota (<see cref="BananaProDailyLimit"/>).
/// </summary>
internal sealed class BananaProErrorParser : IProviderErrorParser
{
    public static BananaProErrorParser Instance { get; } = new();

    public string AuthenticationHint =>
        "Check NanoBanana:BananaPro:ApiKey or the BANANAPRO_API_KEY environment variable (keys start with sk-).";

    public ProviderError? Parse(int statusCode, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var envelope = JsonSerializer.Deserialize(body, BananaProJsonContext.Default.BananaProEnvelopeJsonElement);
        return envelope?.Error is { } error && (error.Code is not null || error.Message is not null)
            ? new ProviderError(
                error.Code,
                error.Message,
                envelope.RequestId,
                Kind: BananaProDailyLimit.IsDailyLimit(statusCode, error.Code, error.Message) ? ProviderErrorKind.QuotaExceeded : null)
            : null;
    }
}
