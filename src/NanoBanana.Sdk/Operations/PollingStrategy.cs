namespace NanoBanana.Sdk;

/// <summary>
/// How often to poll a job and for how long. Waits run on the client's <see cref="TimeProvider"/>, so tests can
/// drive time instead of sleeping. Settable so it binds from configuration like any options type.
/// </summary>
public sealed record PollingStrategy
{
    /// <summary>The wait before the first poll after a submit.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait between polls (before growth).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How much each interval grows over the one before; 1 keeps it fixed.</summary>
    public double BackoffMultiplier { get; set; } = 1.5;

    /// <summary>The longest wait between polls.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Random spread applied to each wait, as a fraction of it (0 to 1), so many jobs do not poll in step.</summary>
    public double JitterFraction { get; set; } = 0.1;

    /// <summary>The total time to wait for the job before giving up with <see cref="NanoBananaTimeoutException"/>.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most polls before giving up, or <see langword="null"/> for no count limit.</summary>
    public int? MaxPolls { get; set; }

    /// <summary>Whether a longer wait the vendor asks for (<c>Retry-After</c>) replaces the computed one.</summary>
    public bool HonorServerHints { get; set; } = true;

    /// <summary>A new general-purpose strategy: 2 s, growing 1.5× to 15 s, 10 % jitter, 10 minutes at most.</summary>
    public static PollingStrategy Default => new();

    /// <summary>A fixed cadence.</summary>
    /// <param name="interval">The wait between polls.</param>
    /// <param name="initialDelay">The wait before the first poll; defaults to <paramref name="interval"/>.</param>
    /// <param name="maxWait">The total budget; defaults to 10 minutes.</param>
    /// <param name="maxPolls">The most polls, or <see langword="null"/>.</param>
    /// <returns>The strategy.</returns>
    public static PollingStrategy Fixed(TimeSpan interval, TimeSpan? initialDelay = null, TimeSpan? maxWait = null, int? maxPolls = null) => new()
    {
        InitialDelay = initialDelay ?? interval,
        Interval = interval,
        BackoffMultiplier = 1,
        MaxInterval = interval,
        JitterFraction = 0,
        MaxWait = maxWait ?? Default.MaxWait,
        MaxPolls = maxPolls,
    };

    /// <summary>The wait before a poll.</summary>
    /// <param name="pollNumber">0 for the first poll after a submit, then 1, 2, ...</param>
    /// <param name="serverHint">The wait the vendor asked for, if any.</param>
    /// <returns>The wait.</returns>
    public TimeSpan GetDelay(int pollNumber, TimeSpan? serverHint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pollNumber);
        var delay = pollNumber == 0
            ? InitialDelay
            : TimeSpan.FromTicks((long)Math.Min(
                MaxInterval.Ticks,
                Interval.Ticks * Math.Pow(Math.Max(1, BackoffMultiplier), pollNumber - 1)));

        if (JitterFraction > 0 && delay > TimeSpan.Zero)
        {
            var spread = Math.Clamp(JitterFraction, 0, 1) * ((Random.Shared.NextDouble() * 2) - 1);
            delay += TimeSpan.FromTicks((long)(delay.Ticks * spread));
        }

        return HonorServerHints && serverHint > delay ? serverHint.Value : delay;
    }

    /// <summary>What is wrong with these settings, each named by its key under the provider's section; empty when nothing is.</summary>
    internal IEnumerable<string> Problems()
    {
        if (InitialDelay < TimeSpan.Zero)
        {
            yield return $"PollingStrategy:InitialDelay must not be negative (was {InitialDelay}).";
        }

        if (Interval < TimeSpan.Zero)
        {
            yield return $"PollingStrategy:Interval must not be negative (was {Interval}).";
        }

        if (!(BackoffMultiplier >= 1) || double.IsInfinity(BackoffMultiplier))
        {
            yield return $"PollingStrategy:BackoffMultiplier must be 1 (fixed interval) or more (was {BackoffMultiplier}).";
        }

        if (MaxInterval < TimeSpan.Zero)
        {
            yield return $"PollingStrategy:MaxInterval must not be negative (was {MaxInterval}).";
        }

        if (!(JitterFraction is >= 0 and <= 1))
        {
            yield return $"PollingStrategy:JitterFraction must be between 0 and 1 (was {JitterFraction}).";
        }

        if (MaxWait <= TimeSpan.Zero)
        {
            yield return $"PollingStrategy:MaxWait must be positive (was {MaxWait}).";
        }

        if (MaxPolls is < 1)
        {
            yield return $"PollingStrategy:MaxPolls must be at least 1, or unset for no count limit (was {MaxPolls}).";
        }
    }
}
