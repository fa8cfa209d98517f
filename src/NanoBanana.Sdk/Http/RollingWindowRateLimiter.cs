using System.Threading.RateLimiting;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// At most <c>permitLimit</c> permits in any rolling window, timed on a <see cref="TimeProvider"/>: each permit returns
/// exactly one window after it was taken, and waiters are served oldest first. The library's window limiters measure time
/// with <see cref="System.Diagnostics.Stopwatch"/> even when replenished by hand, so a fake clock cannot drive them; this one
/// arms a timer on the injected clock only while a call waits, so an idle limiter holds no timer.
/// </summary>
internal sealed class RollingWindowRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly int _permitLimit;
    private readonly int _queueLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Queue<long> _taken = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private ITimer? _timer;
    private long _idleSince;
    private long _successful;
    private long _failed;
    private bool _disposed;

    public RollingWindowRateLimiter(int permitLimit, TimeSpan window, int queueLimit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueLimit, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _queueLimit = queueLimit;
        _window = window;
        _time = time;
        _idleSince = time.GetTimestamp();
    }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Expire();
                return _taken.Count == 0 && _waiters.Count == 0 ? _time.GetElapsedTime(_idleSince) : null;
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Expire();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - _taken.Count,
                CurrentQueuedCount = _waiters.Count,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        RequireOnePermit(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Expire();
            return _waiters.Count == 0 && TryTake() ? Granted : Refuse();
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        RequireOnePermit(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Expire();
            if (_waiters.Count == 0 && TryTake())
            {
                return new ValueTask<RateLimitLease>(Granted);
            }

            if (_waiters.Count >= _queueLimit)
            {
                return new ValueTask<RateLimitLease>(Refuse());
            }

            waiter = new Waiter(this);
            _waiters.AddLast(waiter.Node);
            ArmTimer();
        }

        // Registered outside the lock: a token cancelled meanwhile runs the callback at once, and the callback takes the lock.
        var registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Owner.Cancel((Waiter)state, token), waiter);
        bool waiting;
        lock (_gate)
        {
            waiting = waiter.Node.List is not null;
            if (waiting)
            {
                waiter.Registration = registration;
            }
        }

        if (!waiting)
        {
            registration.Dispose();
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Shutdown();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override ValueTask DisposeAsyncCore()
    {
        Shutdown();
        return base.DisposeAsyncCore();
    }

    /// <summary>Stops the timer and fails every waiter.</summary>
    private void Shutdown()
    {
        List<Waiter> abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            _timer = null;
            abandoned = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in abandoned)
        {
            waiter.Release();
            waiter.Completion.TrySetException(new ObjectDisposedException(nameof(RollingWindowRateLimiter)));
        }
    }

    private static void RequireOnePermit(int permitCount)
    {
        // The SDK takes one permit per call; several at once would need a partial-grant policy nothing here uses.
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
    }

    private bool TryTake()
    {
        if (_taken.Count >= _permitLimit)
        {
            return false;
        }

        _taken.Enqueue(_time.GetTimestamp());
        _successful++;
        return true;
    }

    private Lease Refuse()
    {
        _failed++;
        return new Lease(false, _taken.Count == 0 ? TimeSpan.Zero : _window - _time.GetElapsedTime(_taken.Peek()));
    }

    /// <summary>Forgets the permits taken a whole window ago or earlier.</summary>
    private void Expire()
    {
        while (_taken.Count > 0 && _time.GetElapsedTime(_taken.Peek()) >= _window)
        {
            _taken.Dequeue();
        }

        if (_taken.Count == 0 && _waiters.Count == 0)
        {
            _idleSince = _time.GetTimestamp();
        }
    }

    /// <summary>Arms the timer for when the oldest permit returns, unless it is armed already.</summary>
    private void ArmTimer()
    {
        if (_timer is null && _taken.Count > 0)
        {
            var due = _window - _time.GetElapsedTime(_taken.Peek());
            _timer = _time.CreateTimer(static state => ((RollingWindowRateLimiter)state!).OnPermitsReturned(), this, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnPermitsReturned()
    {
        var served = new List<Waiter>();
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed)
            {
                return;
            }

            Expire();
            while (_waiters.First is { } first && TryTake())
            {
                _waiters.RemoveFirst();
                served.Add(first.Value);
            }

            if (_waiters.Count > 0)
            {
                ArmTimer();
            }
        }

        foreach (var waiter in served)
        {
            waiter.Release();
            waiter.Completion.TrySetResult(Granted);
        }
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
        }

        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    /// <summary>A queued call. <see cref="Node"/> and <see cref="Registration"/> are read and written under the limiter's lock.</summary>
    private sealed class Waiter
    {
        public Waiter(RollingWindowRateLimiter owner)
        {
            Owner = owner;
            Node = new LinkedListNode<Waiter>(this);
        }

        public RollingWindowRateLimiter Owner { get; }

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter> Node { get; }

        public CancellationTokenRegistration Registration { get; set; }

        /// <summary>Stops listening for cancellation; called outside the lock, after the waiter left the queue under it.</summary>
        public void Release() => Registration.Dispose();
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
