using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.AspNetCore;

/// <summary>
/// The app's code that acts on a verified callback (store the images, notify a user). Register it with
/// <c>services.AddNanoBananaWebhookHandler&lt;THandler&gt;()</c>; the endpoint mapped by <c>MapNanoBananaWebhooks</c> calls
/// every registered handler, in registration order, once per event.
/// </summary>
/// <remarks>
/// Throw to make the endpoint answer 500 so the vendor delivers the callback again; the retry runs every handler again,
/// so keep handlers idempotent on <see cref="ImageGenerationWebhookEvent.OperationId"/>.
/// </remarks>
public interface IImageGenerationWebhookHandler
{
    /// <summary>Acts on one verified event.</summary>
    /// <param name="webhookEvent">The event, in the same result model as polling.</param>
    /// <param name="cancellationToken">Cancelled when the vendor drops the connection.</param>
    /// <returns>A task that completes when the event has been handled.</returns>
    Task HandleAsync(ImageGenerationWebhookEvent webhookEvent, CancellationToken cancellationToken);
}
