using System.Diagnostics;
using System.Globalization;
using NanoBanana.Sdk.Benchmarks.Server;

namespace NanoBanana.Sdk.Benchmarks.Peak;

/// <summary>The parent side of a peak measurement: a fresh child process per run, the median of several runs.</summary>
internal static class PeakRunner
{
    /// <summary>Child runs per case; the median is reported.</summary>
    public const int Runs = 5;

    public static async Task<long> MeasureAsync(PeakCase peakCase, CancellationToken cancellationToken)
    {
        var server = PayloadServerProcess.Shared.BaseAddress;
        var growths = new List<long>(Runs);
        for (var run = 0; run < Runs; run++)
        {
            growths.Add(await RunChildAsync(peakCase, server, cancellationToken));
        }

        growths.Sort();
        return growths[Runs / 2];
    }

    private static async Task<long> RunChildAsync(PeakCase peakCase, Uri server, CancellationToken cancellationToken)
    {
        using var child = Process.Start(SelfProcess.StartInfo($"--peak {peakCase.Arguments} {server}"))
            ?? throw new InvalidOperationException("The peak probe did not start.");
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith(PeakProbe.ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The peak probe for {peakCase.Name} failed with exit code {child.ExitCode}: {await error}");
        }

        return long.Parse(line[PeakProbe.ResultPrefix.Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
