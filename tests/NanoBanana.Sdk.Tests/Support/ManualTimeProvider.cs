using System.Globalization;
using System.Text;

namespace NanoBanana.Sdk.Tests.Support;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when a test says so. Timers created through it (budgets,
/// <c>Task.Delay(…, timeProvider)</c>, Polly waits) fire, in due-time order, when <see cref="Advance"/> passes their due time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>How long <see cref="RunAsync{T}"/> waits in real time for the code under test to reach its next wait.</summary>
    private static readonly TimeSpan RealTimeGuard = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;
    private long _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a clock at <paramref name="start"/> (default 2026-01-01T00:00:00Z).</summary>
    /// <param name="start">The initial UTC time.</param>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _start = _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The current fake time.</summary>
    public DateTimeOffset Now
    {
        get { lock (_gate) { return _now; } }
    }

    /// <summary>The fake time elapsed since the clock was created.</summary>
    public TimeSpan Elapsed => Now - _start;

    /// <summary>The due times of the timers not yet fired, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return [.. _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value).Order()];
            }
        }
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => Now;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp() => (Now - _start).Ticks;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in due-time order.</summary>
    /// <param name="delta">How far to move; must not be negative.</param>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers
                    .Where(t => t.DueAt is { } at && at <= target)
                    .OrderBy(t => t.DueAt)
                    .ThenBy(t => t.Sequence)
                    .FirstOrDefault();
                if (due is null)
                {
                    _now = target;
                    break;
                }

                _now = due.DueAt!.Value;
                due.DueAt = due.Period > TimeSpan.Zero ? _now + due.Period : null;
            }

            due.Fire();
        }

        Signal();
    }

    /// <summary>Moves the clock to an absolute time (no-op if it is in the past).</summary>
    /// <param name="time">The target time.</param>
    public void AdvanceTo(DateTimeOffset time)
    {
        var delta = time - Now;
        if (delta > TimeSpan.Zero)
        {
            Advance(delta);
        }
    }

    /// <summary>Waits in real time (bounded) until a timer due within <paramref name="within"/> of now is pending.</summary>
    /// <param name="within">How far ahead the timer may be due.</param>
    /// <returns>The due time of that timer.</returns>
    public async Task<DateTimeOffset> WaitForTimerAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + RealTimeGuard;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (EarliestWithin(within) is { } at)
                {
                    return at;
                }

                changed = _changed.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No timer due within {within} was created. {Describe()}");
            }

            try
            {
                await changed.WaitAsync(remaining).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Loop once more to report with the state.
            }
        }
    }

    /// <summary>
    /// Drives <paramref name="task"/> to completion: repeatedly waits until either it completes or a timer due within
    /// <paramref name="maxStep"/> is pending, then advances the clock to that timer's due time. Timers further away
    /// than <paramref name="maxStep"/> (call budgets) are never fired by the driver.
    /// </summary>
    /// <typeparam name="T">The task's result.</typeparam>
    /// <param name="task">The task under test.</param>
    /// <param name="maxStep">The longest single jump in time (default 25 s).</param>
    /// <param name="maxSteps">The most jumps before the test fails (default 200).</param>
    /// <returns>The task's result.</returns>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? maxStep = null, int maxSteps = 200)
    {
        await DriveAsync(task, maxStep ?? TimeSpan.FromSeconds(25), maxSteps).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Drives a task without a result; see <see cref="RunAsync{T}"/>.</summary>
    /// <param name="task">The task under test.</param>
    /// <param name="maxStep">The longest single jump in time (default 25 s).</param>
    /// <param name="maxSteps">The most jumps before the test fails.</param>
    /// <returns>A task that completes as <paramref name="task"/> does.</returns>
    public async Task RunAsync(Task task, TimeSpan? maxStep = null, int maxSteps = 200)
    {
        await DriveAsync(task, maxStep ?? TimeSpan.FromSeconds(25), maxSteps).ConfigureAwait(false);
        await task.ConfigureAwait(false);
    }

    private async Task DriveAsync(Task task, TimeSpan maxStep, int maxSteps)
    {
        for (var step = 0; step < maxSteps; step++)
        {
            var deadline = DateTime.UtcNow + RealTimeGuard;
            DateTimeOffset? due = null;
            while (!task.IsCompleted)
            {
                Task changed;
                lock (_gate)
                {
                    due = EarliestWithin(maxStep);
                    changed = _changed.Task;
                }

                if (due is not null)
                {
                    break;
                }

                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"The task neither completed nor started a wait within {maxStep}. {Describe()}");
                }

                try
                {
                    await Task.WhenAny(task, changed).WaitAsync(remaining).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Checked again at the top of the loop, which reports the pending timers.
                }
            }

            if (task.IsCompleted)
            {
                return;
            }

            // A timer due now (a zero delay) is fired by a zero advance.
            var delta = due!.Value - Now;
            Advance(delta > TimeSpan.Zero ? delta : TimeSpan.Zero);
        }

        throw new TimeoutException($"The task did not complete within {maxSteps} clock jumps. {Describe()}");
    }

    private DateTimeOffset? EarliestWithin(TimeSpan within)
    {
        var limit = _now + within;
        DateTimeOffset? earliest = null;
        foreach (var timer in _timers)
        {
            if (timer.DueAt is { } at && at <= limit && (earliest is null || at < earliest))
            {
                earliest = at;
            }
        }

        return earliest;
    }

    private string Describe()
    {
        lock (_gate)
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Fake time: +{_now - _start}; pending timers:");
            foreach (var timer in _timers.Where(t => t.DueAt is not null))
            {
                text.Append(CultureInfo.InvariantCulture, $" +{timer.DueAt!.Value - _start}");
            }

            return text.ToString();
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long Sequence { get; } = Interlocked.Increment(ref owner._sequence);

        /// <summary>When the timer fires next; null when it is stopped or disposed. Guarded by the owner's lock.</summary>
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this))
                {
                    return false;
                }

                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            }

            owner.Signal();
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                DueAt = null;
            }

            owner.Signal();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
