using System.Net.Http.Headers;

namespace NanoBanana.Sdk.Http;

/// <summary>Adds <c>Authorization: Bearer</c>, refusing to send a request that needs a key when none is configured.</summary>
internal static class BearerAuthentication
{
    public static void Apply(HttpRequestMessage request, string? apiKey, string provider, string hint)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new NanoBananaAuthenticationException($"No API key is configured for {provider}, so nothing was sent. {hint}")
            {
                Provider = provider,
            };
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }
}
