using System.Collections.Concurrent;

namespace NanoBanana.Sdk.Webhooks;

/// <summary>
/// Hands verified callbacks to the operations waiting for them, so an operation started with a callback URL completes
/// the moment its callback arrives instead of at its next poll. Polling stays on as the fallback. The ASP.NET Core
/// endpoint publishes here; an app that receives callbacks another way (a queue) calls <see cref="Publish"/> itself.
/// </summary>
public sealed class ImageGenerationWebhookHub
{
    /// <summary>How many jobs' slots are kept; the oldest are dropped first, so a callback for a job nobody waits on cannot pile up.</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string Provider, string OperationId), TaskCompletionSource<ImageGenerationWebhookEvent>> _slots = new();
    private readonly ConcurrentQueue<(string Provider, string OperationId)> _order = new();

    /// <summary>Delivers a verified event to whoever waits for its job, now or later. Events that are not terminal are ignored.</summary>
    /// <param name="webhookEvent">The event from <see cref="IImageGenerationWebhookParser.Parse"/>.</param>
    public void Publish(ImageGenerationWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        if (webhookEvent.Status.IsTerminal)
        {
            Slot(webhookEvent.Provider, webhookEvent.OperationId).TrySetResult(webhookEvent);
        }
    }

    /// <summary>Completes when the terminal callback of a job has been published (immediately if it already was).</summary>
    internal Task<ImageGenerationWebhookEvent> WaitAsync(string provider, string operationId, CancellationToken cancellationToken) =>
        Slot(provider, operationId).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource<ImageGenerationWebhookEvent> Slot(string provider, string operationId)
    {
        var key = (provider, operationId);
        if (_slots.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var created = new TaskCompletionSource<ImageGenerationWebhookEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slot = _slots.GetOrAdd(key, created);
        if (ReferenceEquals(slot, created))
        {
            _order.Enqueue(key);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _slots.TryRemove(oldest, out _);
            }
        }

        return slot;
    }
}
