using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>Checks <c>authorization: Bearer {token}</c> (the header name is case-insensitive), required on every endpoint.</summary>
internal static class AceDataAuth
{
    private const string Scheme = "Bearer ";

    public static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[Scheme.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }
}
