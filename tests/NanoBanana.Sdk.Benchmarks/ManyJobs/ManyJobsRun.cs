using System.Diagnostics;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Benchmarks.ManyJobs;

/// <summary>
/// Suite 5: 1,000 concurrent async jobs on the emulator's nananobanana module, each answer delayed by a realistic
/// latency and each job completing at its third poll, waited for with the vendor's default cadence (5 s, then every 3 s).
/// Loopback only; it ends on its own within the strategy's budget.
/// </summary>
internal static class ManyJobsRun
{
    public const int Jobs = 1000;
    public const int CompleteAfterPolls = 3;
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    public static async Task<ManyJobsResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var emulator = await NanoBananaEmulator.StartAsync(new NanoBananaEmulatorOptions { InitialCredits = Jobs * 100 }, cancellationToken);
        emulator.Scenario.Latency = Latency;
        emulator.Scenario.CompleteAfterPolls = CompleteAfterPolls;
        var options = new NanaNanoBananaImageClientOptions { BaseAddress = emulator.NanaNanoBananaBaseAddress, ApiKey = emulator.ApiKey };
        using var client = new NanaNanoBananaImageClient(options);

        var started = Stopwatch.GetTimestamp();
        var jobs = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(i => RunJobAsync(client, i, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);

        var polls = emulator.RequestsTo("/generate")
            .Where(r => r.Method == "GET")
            .GroupBy(r => Uri.UnescapeDataString(r.QueryString["?id=".Length..]))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReceivedAt).ToList(), StringComparer.Ordinal);
        var counts = jobs.Select(job => polls.TryGetValue(job.Id, out var list) ? list.Count : 0).ToList();

        // A job completes when the emulator answers its CompleteAfterPolls-th poll.
        var notices = jobs
            .Where(job => job.Images > 0 && polls.TryGetValue(job.Id, out var list) && list.Count >= CompleteAfterPolls)
            .Select(job => job.NoticedAt - polls[job.Id][CompleteAfterPolls - 1].ReceivedAt)
            .Order()
            .ToList();

        var strategy = options.PollingStrategy;
        var ideal = Latency + strategy.InitialDelay + Latency + ((strategy.Interval + Latency) * (CompleteAfterPolls - 1));
        return new ManyJobsResult(
            Jobs,
            jobs.Count(job => job.Images > 0),
            elapsed,
            ideal,
            counts.Average(),
            counts.Max(),
            CompleteAfterPolls,
            Percentile(notices, 0.50),
            Percentile(notices, 0.99),
            notices.Count > 0 ? notices[^1] : TimeSpan.Zero,
            strategy.InitialDelay,
            strategy.Interval,
            Latency);
    }

    private static async Task<FinishedJob> RunJobAsync(NanaNanoBananaImageClient client, int number, CancellationToken cancellationToken)
    {
        try
        {
            var operation = await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = $"benchmark job {number}" }, cancellationToken);
            var result = await operation.WaitForCompletionAsync(cancellationToken);
            return new FinishedJob(operation.Id, DateTimeOffset.UtcNow, result.Images.Count);
        }
        catch (NanoBananaException e)
        {
            // A failed job is counted as not completed; the report says how many completed.
            return new FinishedJob(e.OperationId ?? string.Empty, DateTimeOffset.UtcNow, 0);
        }
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double fraction) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private sealed record FinishedJob(string Id, DateTimeOffset NoticedAt, int Images);
}
