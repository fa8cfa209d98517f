using BenchmarkDotNet.Running;
using NanoBanana.Sdk.Benchmarks.Contenders;
using NanoBanana.Sdk.Benchmarks.ManyJobs;
using NanoBanana.Sdk.Benchmarks.Peak;
using NanoBanana.Sdk.Benchmarks.Report;
using NanoBanana.Sdk.Benchmarks.Server;
using NanoBanana.Sdk.Benchmarks.Suites;

namespace NanoBanana.Sdk.Benchmarks;

/// <summary>Runs the chosen suites side by side in one process (with the payload server and the peak probes as children) and reports them.</summary>
internal static class BenchmarkRun
{
    /// <summary>Every suite, by the name <c>--suites</c> takes.</summary>
    public static readonly string[] AllSuites = ["inline", "save", "poll", "sse", "jobs"];

    private static readonly int[] InlineSizes = [1, 8, 24];

    public static async Task<RunResults> RunAsync(IReadOnlySet<string> suites, CancellationToken cancellationToken)
    {
        var results = new RunResults
        {
            Machine = MachineInfo.Current(),
            StartedAt = DateTimeOffset.UtcNow,
            LoadAtStart = MachineInfo.LoadAverage(),
        };

        try
        {
            if (suites.Contains("inline"))
            {
                results.InlineImages = SummaryReader.Read(BenchmarkRunner.Run<InlineImageBenchmarks>());
                results.InlineImagePeaks = await InlinePeaksAsync(cancellationToken);
            }

            if (suites.Contains("save"))
            {
                results.SavePeak = await TryMeasurePeakAsync(new PeakCase(null, ImageBytes.Mebibytes(24)), cancellationToken);
            }

            if (suites.Contains("poll"))
            {
                results.Poll = SummaryReader.Read(BenchmarkRunner.Run<PollBenchmarks>());
            }

            if (suites.Contains("sse"))
            {
                results.NanaNanoBananaStream = SummaryReader.Read(BenchmarkRunner.Run<NanaNanoBananaStreamBenchmarks>());
                results.GeminiStream = SummaryReader.Read(BenchmarkRunner.Run<GeminiStreamBenchmarks>());
            }
        }
        finally
        {
            PayloadServerProcess.StopShared();
        }

        if (suites.Contains("jobs"))
        {
            results.ManyJobs = await ManyJobsRun.RunAsync(cancellationToken);
        }

        results.LoadAtEnd = MachineInfo.LoadAverage();
        return results;
    }

    private static async Task<Dictionary<string, long>> InlinePeaksAsync(CancellationToken cancellationToken)
    {
        var peaks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var size in InlineSizes)
        {
            foreach (var contender in Enum.GetValues<InlineImageContender>())
            {
                if (await TryMeasurePeakAsync(new PeakCase(contender, ImageBytes.Mebibytes(size)), cancellationToken) is { } peak)
                {
                    peaks[InlineImageBenchmarks.Key(contender, size)] = peak;
                }
            }
        }

        return peaks;
    }

    /// <summary>Measures one peak; a failed probe is reported on the console and leaves its cell empty rather than ending the run.</summary>
    private static async Task<long?> TryMeasurePeakAsync(PeakCase peakCase, CancellationToken cancellationToken)
    {
        try
        {
            return await PeakRunner.MeasureAsync(peakCase, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"Peak of {peakCase.Arguments}: {e.Message}");
            return null;
        }
    }
}
