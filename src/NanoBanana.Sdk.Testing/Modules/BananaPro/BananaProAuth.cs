using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c>, required on every endpoint.</summary>
internal static class BananaProAuth
{
    private const string Scheme = "Bearer ";

    /// <summary>True when the request carries the emulator's key; otherwise writes the documented 401 body and returns false.</summary>
    public static async Task<bool> CheckAsync(HttpContext context, string apiKey)
    {
        if (IsAuthorized(context, apiKey))
        {
            return true;
        }

        await BananaProErrors.WriteForStatusAsync(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
        return false;
    }

    /// <summary>Whether the request carries the emulator's key.</summary>
    public static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(header[Scheme.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }
}
