using System.Diagnostics;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Limits;

/// <summary>
/// A thousand <c>GenerateAsync</c> calls at once through the emulator, on APIXO with its default limits (1,000 concurrent,
/// 10,000 per minute): every job completes, each is submitted once and polled exactly until it is done, and the thread
/// pool keeps serving work while they run.
/// </summary>
public sealed class ConcurrentGenerationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const int Jobs = 1000;
    private const int PollsToComplete = 3;
    private static readonly PollingStrategy TinyPolling = PollingStrategy.Fixed(TimeSpan.FromMilliseconds(10), maxWait: TimeSpan.FromSeconds(60), maxPolls: 10);
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thousand_concurrent_generations_all_complete_within_their_poll_bound_without_starving_the_pool()
    {
        _emulator.Scenario.CompleteAfterPolls = PollsToComplete;
        using var client = new ApixoImageClient(new ApixoImageClientOptions
        {
            ApiKey = _emulator.ApiKey,
            BaseAddress = _emulator.ApixoBaseAddress,
            PollingStrategy = TinyPolling,
        });
        var elapsed = Stopwatch.StartNew();
        ImageGenerationResult[] results;
        var probe = new ThreadPoolProbe();
        await using (probe)
        {
            results = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(i => client.GenerateAsync(new ImageGenerationRequest { Prompt = $"job {i}" }, Ct)))
                .WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        elapsed.Stop();
        TestContext.Current.SendDiagnosticMessage(
            $"{Jobs} jobs in {elapsed.Elapsed.TotalSeconds:F1} s; longest pool queue wait {probe.LongestQueueWait.TotalMilliseconds:F0} ms; "
            + $"most pending work items {probe.MostPendingWorkItems}; most pool threads {probe.MostThreads}");
        Assert.Equal(Jobs, results.Select(r => r.OperationId).Distinct().Count());
        Assert.All(results, r => Assert.NotEmpty(r.Images));
        var submits = _emulator.RequestsTo("/generateTask/nano-banana");
        Assert.Equal(Jobs, submits.Count);
        var pollsPerJob = _emulator.RequestsTo("/statusTask/nano-banana").GroupBy(r => r.QueryString).Select(g => g.Count()).ToList();
        Assert.Equal(Jobs, pollsPerJob.Count);
        Assert.All(pollsPerJob, polls => Assert.Equal(PollsToComplete, polls));
        Assert.True(probe.LongestQueueWait < TimeSpan.FromSeconds(1), $"a work item waited {probe.LongestQueueWait} for a pool thread");
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(15), $"the jobs took {elapsed.Elapsed}");
    }
}
