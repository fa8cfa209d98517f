using System.Globalization;
using BenchmarkDotNet.Reports;
using NanoBanana.Sdk.Benchmarks.Suites;

namespace NanoBanana.Sdk.Benchmarks.Report;

/// <summary>Reads a BenchmarkDotNet summary into figures keyed by method name, with the parameter value when there is one (<c>Sdk/8</c>).</summary>
internal static class SummaryReader
{
    public static SuiteResults Read(Summary summary)
    {
        var figures = new Dictionary<string, Figure>(StringComparer.Ordinal);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var key = benchmark.Descriptor.WorkloadMethod.Name;
            if (benchmark.HasParameters)
            {
                key += "/" + string.Join(",", benchmark.Parameters.Items.Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)));
            }

            if (report.ResultStatistics is { } statistics && report.GcStats.GetBytesAllocatedPerOperation(benchmark) is { } allocated)
            {
                figures[key] = new Figure(statistics.Median, allocated);
            }
            else
            {
                failures[key] = CaseFailures.Find(benchmark.Descriptor.Type.Name + "." + key) ?? "it failed; see the BenchmarkDotNet log of the run";
            }
        }

        return new SuiteResults(figures, failures);
    }
}
