namespace NanoBanana.Sdk.Webhooks;

/// <summary>
/// Verifies and parses one provider's callbacks. It needs no HTTP client, so it also works behind a queue that
/// stored the raw body and headers.
/// </summary>
public interface IImageGenerationWebhookParser
{
    /// <summary>The provider whose callbacks this parser reads.</summary>
    string ProviderName { get; }

    /// <summary>Verifies the callback (signature or callback token, timestamp, size), then parses it.</summary>
    /// <param name="request">The callback as received.</param>
    /// <returns>The event.</returns>
    /// <exception cref="NanoBananaWebhookException">The callback failed verification or is not a payload this provider sends.</exception>
    ImageGenerationWebhookEvent Parse(WebhookRequest request);
}
