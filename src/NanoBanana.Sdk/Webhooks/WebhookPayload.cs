using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NanoBanana.Sdk.Webhooks;

/// <summary>The checks every webhook parser runs on the body before reading it: size first, then JSON of the vendor's shape.</summary>
internal static class WebhookPayload
{
    public static T Read<T>(string provider, WebhookRequest request, JsonTypeInfo<T> typeInfo, NanoBananaWebhookOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body.Length > options.MaxBodyBytes)
        {
            throw HmacWebhookSignature.Reject(provider, WebhookRejectionReason.TooLarge,
                $"the body has {request.Body.Length} bytes, more than the {options.MaxBodyBytes} allowed (Webhooks:MaxBodyBytes).");
        }

        try
        {
            return JsonSerializer.Deserialize(request.Body.Span, typeInfo)
                ?? throw HmacWebhookSignature.Reject(provider, WebhookRejectionReason.UnknownShape, "the body is JSON null.");
        }
        catch (JsonException e)
        {
            throw new NanoBananaWebhookException($"Rejected a {provider} callback: the body is not valid JSON ({e.Message}).", e)
            {
                Provider = provider,
                Reason = WebhookRejectionReason.Malformed,
            };
        }
    }
}
