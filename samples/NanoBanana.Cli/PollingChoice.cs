using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>What <c>--poll-interval</c> and <c>--max-polls</c> change about the session's default cadence.</summary>
internal sealed record PollingChoice(TimeSpan? Interval, int? MaxPolls)
{
    public PollingStrategy ApplyTo(PollingStrategy baseline)
    {
        var strategy = Interval is { } interval ? PollingStrategy.Fixed(interval, maxWait: baseline.MaxWait) : baseline;

        // A poll count the user chose is the budget; the time cap must not cut it short.
        return MaxPolls is { } maxPolls ? strategy with { MaxPolls = maxPolls, MaxWait = TimeSpan.MaxValue } : strategy;
    }
}
