using NanoBanana.Sdk.Benchmarks;
using NanoBanana.Sdk.Benchmarks.Peak;
using NanoBanana.Sdk.Benchmarks.Report;
using NanoBanana.Sdk.Benchmarks.Server;

// Modes:
//   (no mode)                      run the suites (--suites inline,save,poll,sse,jobs; all by default) and print the report;
//                                  --report PATH also writes it into that Markdown page between its result markers
//   --serve                        the payload server (a child of a run)
//   --peak NAME BYTES SERVER_URL   one peak-memory probe (a child of a run)
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

switch (args)
{
    case ["--serve"]:
        return await PayloadServer.RunAsync(stop.Token);
    case ["--peak", var name, var bytes, var server]:
        return await PeakProbe.RunAsync(PeakCase.Parse(name, bytes), new Uri(server), stop.Token);
}

string? reportPath = null;
var suites = new HashSet<string>(BenchmarkRun.AllSuites, StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--report" when i + 1 < args.Length:
            reportPath = Path.GetFullPath(args[++i]);
            break;
        case "--suites" when i + 1 < args.Length:
            suites = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --suites {string.Join(',', BenchmarkRun.AllSuites)} and --report PATH.");
            return 2;
    }
}

if (suites.Except(BenchmarkRun.AllSuites).FirstOrDefault() is { } unknown)
{
    Console.Error.WriteLine($"Unknown suite '{unknown}'; the suites are {string.Join(", ", BenchmarkRun.AllSuites)}.");
    return 2;
}

var results = await BenchmarkRun.RunAsync(suites, stop.Token);
var markdown = MarkdownReport.Write(results);
Console.WriteLine();
Console.WriteLine(markdown);
if (reportPath is not null)
{
    PerformanceDocument.Update(reportPath, markdown);
    Console.WriteLine($"Wrote the results into {reportPath}.");
}

return 0;
