using System.Diagnostics;

namespace NanoBanana.Sdk.Tests.Limits;

/// <summary>
/// Measures how long a work item queued to the thread pool waits before it runs, every few milliseconds, until disposed.
/// A starved pool shows as a long wait (and a growing thread count as the pool injects threads to catch up).
/// </summary>
public sealed class ThreadPoolProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _longestQueueWaitTicks;
    private long _mostPendingWorkItems;
    private int _mostThreads;

    /// <summary>Starts probing.</summary>
    public ThreadPoolProbe() => _loop = Task.Run(ProbeAsync);

    /// <summary>The longest time a probe work item waited in the queue.</summary>
    public TimeSpan LongestQueueWait => TimeSpan.FromTicks(Interlocked.Read(ref _longestQueueWaitTicks));

    /// <summary>The most work items seen waiting in the pool's queues at once.</summary>
    public long MostPendingWorkItems => Interlocked.Read(ref _mostPendingWorkItems);

    /// <summary>The most pool threads seen at once.</summary>
    public int MostThreads => Volatile.Read(ref _mostThreads);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The probe ends by cancellation.
        }

        _stop.Dispose();
    }

    private async Task ProbeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var queued = Stopwatch.GetTimestamp();
            var waited = await Task.Run(() => Stopwatch.GetElapsedTime(queued));
            Raise(ref _longestQueueWaitTicks, waited.Ticks);
            Raise(ref _mostPendingWorkItems, ThreadPool.PendingWorkItemCount);
            Raise(ref _mostThreads, ThreadPool.ThreadCount);
            await Task.Delay(Interval, _stop.Token);
        }
    }

    private static void Raise(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static void Raise(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
