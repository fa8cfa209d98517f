using System.Threading.RateLimiting;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Tests.Limits;

/// <summary>The per-minute window on the fake clock: a permit returns exactly one window after it was taken, waiters go oldest first.</summary>
public sealed class RollingWindowRateLimiterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RollingWindowRateLimiter Limiter(int permits, int queue = 100) => new(permits, Minute, queue, _time);

    [Fact]
    public async Task Permits_up_to_the_limit_are_granted_at_once()
    {
        using var limiter = Limiter(3);

        for (var i = 0; i < 3; i++)
        {
            using var lease = await limiter.AcquireAsync(1, Ct);
            Assert.True(lease.IsAcquired);
        }

        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task A_call_over_the_limit_waits_until_the_oldest_permit_is_a_window_old()
    {
        using var limiter = Limiter(2);
        await limiter.AcquireAsync(1, Ct);
        _time.Advance(TimeSpan.FromSeconds(20));
        await limiter.AcquireAsync(1, Ct);

        var waiting = limiter.AcquireAsync(1, Ct).AsTask();
        _time.Advance(TimeSpan.FromSeconds(39));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5), Ct)).IsAcquired);
        Assert.Equal(Minute, _time.Elapsed);
    }

    [Fact]
    public async Task Waiters_are_served_oldest_first()
    {
        using var limiter = Limiter(1);
        await limiter.AcquireAsync(1, Ct);
        var first = limiter.AcquireAsync(1, Ct).AsTask();
        var second = limiter.AcquireAsync(1, Ct).AsTask();

        _time.Advance(Minute);
        await first.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.False(second.IsCompleted);
        _time.Advance(Minute);
        Assert.True((await second.WaitAsync(TimeSpan.FromSeconds(5), Ct)).IsAcquired);
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_with_the_wait_until_a_permit_returns()
    {
        using var limiter = Limiter(1, queue: 1);
        await limiter.AcquireAsync(1, Ct);
        _time.Advance(TimeSpan.FromSeconds(15));
        _ = limiter.AcquireAsync(1, Ct).AsTask();

        using var refused = await limiter.AcquireAsync(1, Ct);

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(45), retryAfter);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_the_next_one_gets_its_turn()
    {
        using var limiter = Limiter(1);
        await limiter.AcquireAsync(1, Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        var next = limiter.AcquireAsync(1, Ct).AsTask();

        await cancel.CancelAsync();
        _time.Advance(Minute);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True((await next.WaitAsync(TimeSpan.FromSeconds(5), Ct)).IsAcquired);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public async Task An_idle_limiter_holds_no_timer_and_a_waiting_one_holds_one()
    {
        using var limiter = Limiter(1);
        await limiter.AcquireAsync(1, Ct);
        Assert.Empty(_time.PendingTimers);

        _ = limiter.AcquireAsync(1, Ct).AsTask();

        Assert.Equal([_time.Now + Minute], _time.PendingTimers);
    }

    [Fact]
    public async Task Disposing_fails_the_waiters()
    {
        var limiter = Limiter(1);
        await limiter.AcquireAsync(1, Ct);
        var waiting = limiter.AcquireAsync(1, Ct).AsTask();

        limiter.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        Assert.Empty(_time.PendingTimers);
    }
}
