using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Operations;

public sealed class PollingStrategyTests
{
    private static readonly PollingStrategy Growing = new()
    {
        InitialDelay = TimeSpan.FromSeconds(1),
        Interval = TimeSpan.FromSeconds(2),
        BackoffMultiplier = 2,
        MaxInterval = TimeSpan.FromSeconds(10),
        JitterFraction = 0,
    };

    [Fact]
    public void First_poll_waits_the_initial_delay() =>
        Assert.Equal(TimeSpan.FromSeconds(1), Growing.GetDelay(0));

    [Fact]
    public void Interval_grows_by_the_multiplier_per_poll() =>
        Assert.Equal([2d, 4d, 8d], new[] { 1, 2, 3 }.Select(n => Growing.GetDelay(n).TotalSeconds));

    [Fact]
    public void Interval_is_capped_at_max_interval() =>
        Assert.Equal([10d, 10d], new[] { 4, 50 }.Select(n => Growing.GetDelay(n).TotalSeconds));

    [Fact]
    public void A_longer_server_hint_replaces_the_computed_delay() =>
        Assert.Equal(TimeSpan.FromSeconds(30), Growing.GetDelay(1, TimeSpan.FromSeconds(30)));

    [Fact]
    public void A_shorter_server_hint_is_ignored() =>
        Assert.Equal(TimeSpan.FromSeconds(4), Growing.GetDelay(2, TimeSpan.FromSeconds(1)));

    [Fact]
    public void Server_hints_are_ignored_when_turned_off() =>
        Assert.Equal(TimeSpan.FromSeconds(2), (Growing with { HonorServerHints = false }).GetDelay(1, TimeSpan.FromSeconds(30)));

    [Fact]
    public void Jitter_stays_within_its_fraction()
    {
        var jittered = Growing with { JitterFraction = 0.25 };

        var delays = Enumerable.Range(0, 200).Select(_ => jittered.GetDelay(3).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 6, 10));
        Assert.True(delays.Distinct().Count() > 1, "jitter produced no spread");
    }

    [Fact]
    public void Negative_poll_number_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Growing.GetDelay(-1));

    [Fact]
    public void Fixed_strategy_keeps_one_interval_without_jitter()
    {
        var strategy = PollingStrategy.Fixed(TimeSpan.FromSeconds(3), initialDelay: TimeSpan.FromSeconds(5), maxPolls: 60);

        Assert.Equal([5d, 3d, 3d, 3d], new[] { 0, 1, 2, 30 }.Select(n => strategy.GetDelay(n).TotalSeconds));
        Assert.Equal(60, strategy.MaxPolls);
    }

    [Fact]
    public void Nananobanana_default_is_the_documented_five_then_three_seconds()
    {
        var strategy = new NanaNanoBananaImageClientOptions().PollingStrategy;

        Assert.Equal([5d, 3d, 3d], new[] { 0, 1, 10 }.Select(n => strategy.GetDelay(n).TotalSeconds));
    }

    [Fact]
    public void Default_strategy_grows_from_two_seconds_to_fifteen()
    {
        var noJitter = PollingStrategy.Default with { JitterFraction = 0 };

        Assert.Equal([2d, 2d, 3d, 4.5d, 15d], new[] { 0, 1, 2, 3, 20 }.Select(n => noJitter.GetDelay(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(10), PollingStrategy.Default.MaxWait);
    }
}
