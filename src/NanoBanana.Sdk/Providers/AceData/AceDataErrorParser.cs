using System.Text.Json;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Reads <c>{"success": false, "error": {"code", "message"}, "trace_id"}</c>, keeping <c>trace_id</c> as the request id.
/// Two codes say more than the status, as in Ace Data's own SDK (the vendor's docs list neither): <c>used_up</c> is an
/// exhausted balance at any status, and a 403 whose code is not about the token is a content-policy block.
/// </summary>
internal sealed class AceDataErrorParser : IProviderErrorParser
{
    /// <summary>The code of an exhausted balance.</summary>
    public const string BalanceUsedUp = "used_up";

    /// <summary>The code the SDK and the emulator assume for a content-policy block (HTTP 403).</summary>
    public const string ContentBlocked = "forbidden";

    private static readonly string[] CredentialCodes = ["invalid_token", "token_expired", "no_token", "token_mismatched", "disabled"];

    public static AceDataErrorParser Instance { get; } = new();

    public string AuthenticationHint =>
        "Check NanoBanana:AceData:ApiKey or the ACEDATA_API_KEY / ACE_DATA_API_KEY / ACEDATACLOUD_API_TOKEN environment variable (a token from platform.acedata.cloud).";

    public ProviderError? Parse(int statusCode, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var error = JsonSerializer.Deserialize(body, AceDataJsonContext.Default.AceDataImageResponse);
        if (error is null || (error.Error is null && error.TraceId is null))
        {
            return null;
        }

        var code = error.Error?.Code;
        ProviderErrorKind? kind = code switch
        {
            BalanceUsedUp => ProviderErrorKind.QuotaExceeded,
            not null when statusCode == 403 && !CredentialCodes.Contains(code) => ProviderErrorKind.ContentFiltered,
            _ => null,
        };
        return new ProviderError(code, error.Error?.Message ?? error.Message, error.TraceId, Kind: kind);
    }

    /// <summary>Whether a finished task's error means the content policy blocked it.</summary>
    public static bool IsContentBlock(string? code, string text) =>
        code == ContentBlocked
        || text.Contains("safety", StringComparison.OrdinalIgnoreCase)
        || text.Contains("moderation", StringComparison.OrdinalIgnoreCase);
}
