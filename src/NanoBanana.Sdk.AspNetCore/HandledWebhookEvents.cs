namespace NanoBanana.Sdk.AspNetCore;

/// <summary>
/// Remembers which events the handlers have finished, for a window on the injected clock and up to a capacity, so a
/// vendor's retry of a delivery that was handled (but whose answer it never saw) does not run the handlers twice.
/// </summary>
internal sealed class HandledWebhookEvents(TimeProvider timeProvider, TimeSpan window, int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _handledAt = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long At)> _order = new();

    public bool Contains(string key)
    {
        lock (_gate)
        {
            Forget(timeProvider.GetTimestamp());
            return _handledAt.ContainsKey(key);
        }
    }

    public void Add(string key)
    {
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            Forget(now);
            _handledAt[key] = now;
            _order.Enqueue((key, now));
            while (_handledAt.Count > capacity && _order.TryDequeue(out var oldest))
            {
                Remove(oldest);
            }
        }
    }

    private void Forget(long now)
    {
        while (_order.TryPeek(out var oldest) && timeProvider.GetElapsedTime(oldest.At, now) >= window)
        {
            Remove(_order.Dequeue());
        }
    }

    /// <summary>Removes an entry unless the key was handled again later (a concurrent retry), which queued its own entry.</summary>
    private void Remove((string Key, long At) entry)
    {
        if (_handledAt.TryGetValue(entry.Key, out var at) && at == entry.At)
        {
            _handledAt.Remove(entry.Key);
        }
    }
}
