using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c>, which the vendor documents for every endpoint.</summary>
internal static class DreamToJobsAuth
{
    private const string Scheme = "Bearer ";

    public static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[Scheme.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }
}
