using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.DependencyInjection;

/// <summary>What a provider client needs from the container: a fresh <see cref="HttpClient"/> and current options per request, and the hub that delivers callbacks.</summary>
internal sealed record ProviderServices<TOptions>(
    Func<HttpClient> HttpClient,
    Func<TOptions> Options,
    TimeProvider TimeProvider,
    ILoggerFactory? LoggerFactory,
    ImageGenerationWebhookHub WebhookHub);
