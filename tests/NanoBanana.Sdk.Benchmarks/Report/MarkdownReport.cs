using System.Globalization;
using System.Text;
using NanoBanana.Sdk.Benchmarks.Contenders;
using NanoBanana.Sdk.Benchmarks.Peak;
using NanoBanana.Sdk.Benchmarks.Server;
using NanoBanana.Sdk.Benchmarks.Suites;

namespace NanoBanana.Sdk.Benchmarks.Report;

/// <summary>Writes a run's results as Markdown tables: every figure beside its ratio to the floor or raw baseline, then the targets.</summary>
internal static class MarkdownReport
{
    private const double Mebibyte = 1024 * 1024;
    private const long PollAllocationTarget = 4096;
    private const long SavePeakTarget = 2 * 1024 * 1024;
    private const string Missing = "—";
    private static readonly int[] InlineSizes = [1, 8, 24];
    private static readonly int[] TargetSizes = [8, 24];
    private static readonly int[] GeminiStreamSizes = [1, 8];

    public static string Write(RunResults results)
    {
        var md = new StringBuilder();
        Line(md, $"Run of {results.StartedAt:yyyy-MM-dd HH:mm} UTC on {results.Machine}.");
        Line(md, $"Load average (1 min, all processes on the machine) at the start: {Load(results.LoadAtStart)}; at the end: {Load(results.LoadAtEnd)}.");
        var targets = new List<string[]>();
        InlineImages(md, results, targets);
        Save(md, results, targets);
        Poll(md, results, targets);
        Streams(md, results);
        ManyJobs(md, results, targets);
        if (targets.Count > 0)
        {
            Section(md, "Targets", "From issue 7; measured in this run.");
            Table(md, ["Target", "Measured", "Result"], targets);
        }

        return md.ToString();
    }

    private static void InlineImages(StringBuilder md, RunResults results, List<string[]> targets)
    {
        if (results.InlineImages is not { } suite)
        {
            return;
        }

        var peaks = results.InlineImagePeaks ?? [];
        Section(md, "Inline images (suite 1)",
            $"Time is the median of one call; allocated is per call; peak is how far one call raised the peak working set of a warmed-up process (median of {PeakRunner.Runs} processes).");
        var rows = new List<string[]>();
        foreach (var size in InlineSizes)
        {
            var image = (double)ImageBytes.Mebibytes(size);
            var floor = suite.Find(InlineImageBenchmarks.Key(InlineImageContender.Floor, size));
            var floorPeak = Peak(peaks, InlineImageContender.Floor, size);
            foreach (var contender in Enum.GetValues<InlineImageContender>())
            {
                var key = InlineImageBenchmarks.Key(contender, size);
                var peak = Peak(peaks, contender, size);
                var peakCells = new[] { peak is { } p ? MiB(p) : Missing, peak is { } q ? Ratio(q / image) : Missing, Ratio(peak, floorPeak) };
                if (suite.Find(key) is not { } figure)
                {
                    rows.Add([$"{size} MiB", Name(contender), $"failed: {suite.Failure(key)}", Missing, Missing, Missing, Missing, .. peakCells]);
                    continue;
                }

                rows.Add(
                [
                    $"{size} MiB", Name(contender),
                    Milliseconds(figure.MedianNanoseconds), Ratio(figure.MedianNanoseconds, floor?.MedianNanoseconds),
                    MiB(figure.AllocatedBytes), Ratio(figure.AllocatedBytes / image), Ratio(figure.AllocatedBytes, floor?.AllocatedBytes),
                    .. peakCells,
                ]);
            }
        }

        Table(md, ["Image", "Client", "Time", "× floor", "Allocated", "× image", "× floor", "Peak", "× image", "× floor"], rows);

        foreach (var size in TargetSizes)
        {
            var image = (double)ImageBytes.Mebibytes(size);
            var sdk = suite.Find(InlineImageBenchmarks.Key(InlineImageContender.Sdk, size));
            var floor = suite.Find(InlineImageBenchmarks.Key(InlineImageContender.Floor, size));
            var openAi = suite.Find(InlineImageBenchmarks.Key(InlineImageContender.OpenAi, size));
            targets.Add(AtMost($"{size} MiB: SDK allocations ≤ 1.05× the image", sdk?.AllocatedBytes / image, 1.05));
            targets.Add(AtMost($"{size} MiB: SDK peak ≤ 1.2× the image", Peak(peaks, InlineImageContender.Sdk, size) / image, 1.2));
            targets.Add(AtMost($"{size} MiB: SDK time ≤ 1.0× the floor", sdk?.MedianNanoseconds / floor?.MedianNanoseconds, 1.0));
            targets.Add(AtLeast($"{size} MiB: OpenAI .NET allocates ≥ 3.5× the SDK's bytes", openAi?.AllocatedBytes / (double?)sdk?.AllocatedBytes, 3.5));
        }
    }

    private static void Save(StringBuilder md, RunResults results, List<string[]> targets)
    {
        if (results.SavePeak is not { } peak)
        {
            return;
        }

        Section(md, "Save to file (suite 2)",
            $"`GeminiImageClient.GenerateToStreamAsync` writing the 24 MiB inline image to a `FileStream` while it arrives; how far one call raised the peak working set of a warmed-up process (median of {PeakRunner.Runs}).");
        Table(md, ["Image", "Peak growth", "× image"], [["24 MiB", MiB(peak), Ratio(peak / (double)ImageBytes.Mebibytes(24))]]);
        targets.Add(["24 MiB saved to a file: peak growth < 2 MiB", MiB(peak), peak < SavePeakTarget ? "met" : $"**missed** by {MiB(peak - SavePeakTarget)}"]);
    }

    private static void Poll(StringBuilder md, RunResults results, List<string[]> targets)
    {
        if (results.Poll is not { } suite)
        {
            return;
        }

        var raw = suite.Find(nameof(PollBenchmarks.RawHttpClient));
        var sdk = suite.Find(nameof(PollBenchmarks.Sdk));
        Section(md, "Small calls (suite 3)",
            $"One status poll of a job still processing ({Payloads.PollBodyBytes}-byte answer), one at a time over a kept-alive connection; both clients read every field of the answer.");
        Table(md, ["Client", "Requests/s", "× raw", "Allocated per call", "× raw"],
        [
            Row("raw HttpClient + source-generated STJ", raw, raw, nameof(PollBenchmarks.RawHttpClient), suite, f => Number(f.PerSecond), f => Bytes(f.AllocatedBytes)),
            Row("SDK `UpdateStatusAsync`", sdk, raw, nameof(PollBenchmarks.Sdk), suite, f => Number(f.PerSecond), f => Bytes(f.AllocatedBytes)),
        ]);
        targets.Add(sdk is null
            ? ["Poll: ≤ 4 KB (4,096 B) allocated per call", Missing, "not measured: " + suite.Failure(nameof(PollBenchmarks.Sdk))]
            : ["Poll: ≤ 4 KB (4,096 B) allocated per call", Bytes(sdk.AllocatedBytes),
                sdk.AllocatedBytes <= PollAllocationTarget ? "met" : $"**missed** by {Bytes(sdk.AllocatedBytes - PollAllocationTarget)}"]);
        targets.Add(AtLeast("Poll: ≥ 1.0× the raw baseline's requests/s", sdk?.PerSecond / raw?.PerSecond, 1.0));
    }

    private static void Streams(StringBuilder md, RunResults results)
    {
        if (results.NanaNanoBananaStream is null && results.GeminiStream is null)
        {
            return;
        }

        Section(md, "Server-sent events (suite 4)", "One whole stream per call, over a kept-alive connection.");
        var rows = new List<string[]>();
        if (results.NanaNanoBananaStream is { } nana)
        {
            var events = NanaNanoBananaStreamBenchmarks.EventsPerStream;
            var raw = nana.Find(nameof(NanaNanoBananaStreamBenchmarks.RawHttpClient));
            var label = $"nananobanana progress, {events:N0} events";
            foreach (var (client, method) in new[] { ("raw HttpClient + SseParser + STJ", nameof(NanaNanoBananaStreamBenchmarks.RawHttpClient)), ("SDK `GenerateStreamingAsync`", nameof(NanaNanoBananaStreamBenchmarks.Sdk)) })
            {
                rows.Add([label, .. Row(client, nana.Find(method), raw, method, nana, f => $"{Number(events * f.PerSecond)} events/s", f => MiB(f.AllocatedBytes))]);
            }
        }

        if (results.GeminiStream is { } gemini)
        {
            foreach (var size in GeminiStreamSizes)
            {
                var megabytes = GeminiStreamBenchmarks.StreamBytes(size) / 1e6;
                var rawKey = $"{nameof(GeminiStreamBenchmarks.RawHttpClient)}/{size}";
                var raw = gemini.Find(rawKey);
                var label = string.Create(CultureInfo.InvariantCulture, $"Gemini, {size} MiB image chunk ({megabytes:0.0} MB)");
                foreach (var (client, method) in new[] { ("raw HttpClient + SseParser + STJ (`byte[]`)", rawKey), ("SDK `GenerateStreamingAsync`", $"{nameof(GeminiStreamBenchmarks.Sdk)}/{size}") })
                {
                    rows.Add([label, .. Row(client, gemini.Find(method), raw, method, gemini, f => $"{Number(megabytes * f.PerSecond)} MB/s", f => MiB(f.AllocatedBytes))]);
                }
            }
        }

        Table(md, ["Stream", "Client", "Throughput", "× raw", "Allocated per stream", "× raw"], rows);
    }

    private static void ManyJobs(StringBuilder md, RunResults results, List<string[]> targets)
    {
        if (results.ManyJobs is not { } jobs)
        {
            return;
        }

        Section(md, "Many jobs (suite 5)", string.Create(CultureInfo.InvariantCulture,
            $"{jobs.Jobs:N0} concurrent async jobs on the emulator's nananobanana module ({jobs.Latency.TotalMilliseconds:0} ms before every answer, each job complete at its poll {jobs.PollsNeeded}), waited for with the vendor's default cadence (first poll after {jobs.InitialDelay.TotalSeconds:0} s, then every {jobs.PollInterval.TotalSeconds:0} s). The ideal is one job's least possible time: submit, first wait, polls and their latency. Notice latency runs from the emulator receiving a job's completing poll to `WaitForCompletionAsync` returning."));
        Table(md, ["Jobs", "Completed", "Completion time", "× ideal", "Polls per job (mean / max)", "Polls needed", "Notice latency (p50 / p99 / max)", "Poll interval"],
        [[
            Number(jobs.Jobs), Number(jobs.Completed), Seconds(jobs.Elapsed), Ratio(jobs.Elapsed / jobs.Ideal),
            string.Create(CultureInfo.InvariantCulture, $"{jobs.PollsMean:0.00} / {jobs.PollsMax}"), Number(jobs.PollsNeeded),
            $"{Milliseconds(jobs.NoticeP50)} / {Milliseconds(jobs.NoticeP99)} / {Milliseconds(jobs.NoticeMax)}", Seconds(jobs.PollInterval),
        ]]);
        targets.Add(["1,000 jobs: every job completes", $"{Number(jobs.Completed)} of {Number(jobs.Jobs)}",
            jobs.Completed == jobs.Jobs ? "met" : $"**missed**: {Number(jobs.Jobs - jobs.Completed)} did not"]);
        targets.Add(["1,000 jobs: polls per job ≤ the polls a job needs", $"max {jobs.PollsMax}, needed {jobs.PollsNeeded}",
            jobs.PollsMax <= jobs.PollsNeeded ? "met" : $"**missed** by {jobs.PollsMax - jobs.PollsNeeded} polls"]);
        targets.Add(["1,000 jobs: notice latency ≤ one poll interval", $"max {Milliseconds(jobs.NoticeMax)}, interval {Seconds(jobs.PollInterval)}",
            jobs.NoticeMax <= jobs.PollInterval ? "met" : $"**missed** by {Milliseconds(jobs.NoticeMax - jobs.PollInterval)}"]);
    }

    /// <summary>A client's row: its throughput and allocation beside the raw baseline's, or why it failed.</summary>
    private static string[] Row(
        string client, Figure? figure, Figure? raw, string key, SuiteResults suite, Func<Figure, string> throughput, Func<Figure, string> allocated) =>
        figure is null
            ? [client, $"failed: {suite.Failure(key)}", Missing, Missing, Missing]
            : [client, throughput(figure), Ratio(figure.PerSecond, raw?.PerSecond), allocated(figure), Ratio(figure.AllocatedBytes, raw?.AllocatedBytes)];

    private static long? Peak(Dictionary<string, long> peaks, InlineImageContender contender, int size) =>
        peaks.TryGetValue(InlineImageBenchmarks.Key(contender, size), out var peak) ? peak : null;

    private static string[] AtMost(string target, double? measured, double limit) => measured is not { } value
        ? [target, Missing, "not measured (see above)"]
        : [target, Ratio(value), value <= limit ? "met" : $"**missed** by {Ratio(value - limit)}"];

    private static string[] AtLeast(string target, double? measured, double limit) => measured is not { } value
        ? [target, Missing, "not measured (see above)"]
        : [target, Ratio(value), value >= limit ? "met" : $"**missed** by {Ratio(limit - value)}"];

    private static void Section(StringBuilder md, string title, string description)
    {
        Line(md, string.Empty);
        Line(md, "### " + title);
        Line(md, string.Empty);
        Line(md, description);
        Line(md, string.Empty);
    }

    private static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        Line(md, "| " + string.Join(" | ", header) + " |");
        Line(md, "|" + string.Concat(header.Select((_, i) => i < 2 ? " --- |" : " ---: |")));
        foreach (var row in rows)
        {
            Line(md, "| " + string.Join(" | ", row) + " |");
        }
    }

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    private static string Name(InlineImageContender contender) => contender switch
    {
        InlineImageContender.Floor => "floor (buffer, then `Base64.DecodeFromUtf8`)",
        InlineImageContender.Sdk => "**SDK** `GenerateAsync`",
        InlineImageContender.HandWritten => "HttpClient + STJ by hand",
        _ => "OpenAI .NET 2.15",
    };

    private static string Load(double? load) => load is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "unknown";

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static string Ratio(double? value, double? baseline) => value is { } v && baseline is { } b && b > 0 ? Ratio(v / b) : Missing;

    private static string MiB(long bytes) => (bytes / Mebibyte).ToString("0.00", CultureInfo.InvariantCulture) + " MiB";

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Milliseconds(double nanoseconds) => (nanoseconds / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
