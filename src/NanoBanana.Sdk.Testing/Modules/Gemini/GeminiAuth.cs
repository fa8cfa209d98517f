using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Accepts the key as Google does (<c>x-goog-api-key</c> header or <c>?key=</c>) and as gateways do
/// (<c>Authorization: Bearer</c>); any one matching credential is enough. Refusals follow Google: a wrong API key is
/// 400 <c>API_KEY_INVALID</c>, a wrong <c>Authorization</c> credential 401, no credential at all 403.
/// </summary>
internal static class GeminiAuth
{
    private const string ApiKeyHeader = "x-goog-api-key";
    private const string BearerScheme = "Bearer ";

    /// <summary>Checks the credentials; when they fail, writes the refusal and returns false.</summary>
    public static async Task<bool> AuthorizeAsync(HttpContext context, string apiKey)
    {
        var request = context.Request;
        var headerKeys = request.Headers[ApiKeyHeader];
        var queryKeys = request.Query["key"];
        var authorization = request.Headers[HeaderNames.Authorization];

        if (headerKeys.Any(key => Matches(key, apiKey))
            || queryKeys.Any(key => Matches(key, apiKey))
            || authorization.Any(value => IsBearer(value, apiKey)))
        {
            return true;
        }

        var refusal = headerKeys.Count > 0 || queryKeys.Count > 0 ? GeminiErrors.WriteInvalidApiKeyAsync(context)
            : authorization.Count > 0 ? GeminiErrors.WriteInvalidBearerAsync(context)
            : GeminiErrors.WriteMissingCredentialsAsync(context);
        await refusal.ConfigureAwait(false);
        return false;
    }

    private static bool Matches(string? presented, string apiKey) =>
        string.Equals(presented?.Trim(), apiKey, StringComparison.Ordinal);

    private static bool IsBearer(string? header, string apiKey) =>
        header is not null
        && header.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
        && Matches(header[BearerScheme.Length..], apiKey);
}
