using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c>, required on every endpoint except <c>GET /models</c>.</summary>
internal static class NanaNanoBananaAuth
{
    private const string Scheme = "Bearer ";

    public static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[Scheme.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }
}
