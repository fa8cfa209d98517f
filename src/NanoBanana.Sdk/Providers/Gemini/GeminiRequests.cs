using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>Builds the URLs of the Gemini API under the configured base address, and requests carrying the key the configured way.</summary>
internal static class GeminiRequests
{
    private const string ApiKeyHeader = "x-goog-api-key";

    /// <summary><c>{base}{version}/{relative}</c>, for example <c>v1beta/models</c>.</summary>
    public static Uri Api(GeminiImageClientOptions options, string relative) => Join(options, $"{options.ApiVersion}/{relative}");

    /// <summary><c>{base}{version}/models/{model}:{method}</c>; a <c>models/</c> prefix on the id is tolerated.</summary>
    public static Uri Model(GeminiImageClientOptions options, string model, string method) =>
        Api(options, $"models/{Uri.EscapeDataString(GeminiModelRules.Normalize(model))}:{method}");

    /// <summary><c>{base}upload/{version}/files</c>, where the Files API starts an upload.</summary>
    public static Uri Upload(GeminiImageClientOptions options) => Join(options, $"upload/{options.ApiVersion}/files");

    public static HttpRequestMessage Create(HttpMethod method, Uri uri, GeminiImageClientOptions options, string? apiKey)
    {
        var request = new HttpRequestMessage(method, uri);
        Authenticate(request, options, apiKey);
        return request;
    }

    /// <summary>Adds the key as <c>x-goog-api-key</c> or <c>Authorization: Bearer</c>; without a key nothing may be sent.</summary>
    public static void Authenticate(HttpRequestMessage request, GeminiImageClientOptions options, string? apiKey)
    {
        if (options.AuthScheme == GeminiAuthScheme.Bearer)
        {
            BearerAuthentication.Apply(request, apiKey, GeminiImageClient.ProviderId, GeminiErrorParser.Instance.AuthenticationHint);
            return;
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new NanoBananaAuthenticationException(
                $"No API key is configured for {GeminiImageClient.ProviderId}, so nothing was sent. {GeminiErrorParser.Instance.AuthenticationHint}")
            {
                Provider = GeminiImageClient.ProviderId,
            };
        }

        request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
    }

    /// <summary>Joins the base address and a path, whether or not the configured base ends with a slash.</summary>
    private static Uri Join(GeminiImageClientOptions options, string relative)
    {
        var baseText = options.BaseAddress.AbsoluteUri;
        return new Uri(baseText.EndsWith('/') ? baseText + relative : baseText + "/" + relative);
    }
}
