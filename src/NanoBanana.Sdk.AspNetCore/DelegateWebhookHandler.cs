using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.AspNetCore;

/// <summary>Adapts a handler delegate registered with <c>AddNanoBananaWebhookHandler(Func&lt;…&gt;)</c>.</summary>
internal sealed class DelegateWebhookHandler(Func<ImageGenerationWebhookEvent, CancellationToken, Task> handle) : IImageGenerationWebhookHandler
{
    public Task HandleAsync(ImageGenerationWebhookEvent webhookEvent, CancellationToken cancellationToken) => handle(webhookEvent, cancellationToken);
}
