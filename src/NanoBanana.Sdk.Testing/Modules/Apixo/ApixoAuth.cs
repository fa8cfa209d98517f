using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c>, required on every APIXO endpoint.</summary>
internal static class ApixoAuth
{
    private const string Scheme = "Bearer ";

    public static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[Scheme.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }
}
