namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>How <see cref="GeminiImageClient"/> sends the API key.</summary>
public enum GeminiAuthScheme
{
    /// <summary>The header <c>x-goog-api-key</c>, as Google's Generative Language API expects (the default).</summary>
    GoogleApiKey,

    /// <summary><c>Authorization: Bearer</c>, as gateways that speak the Gemini protocol expect (for example DreamTo).</summary>
    Bearer,
}
