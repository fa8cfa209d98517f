using System.Globalization;
using System.Runtime.InteropServices;

namespace NanoBanana.Sdk.Benchmarks.Report;

/// <summary>The machine a run measured on, and how loaded it was.</summary>
internal sealed record MachineInfo(string Processor, int Cores, double MemoryGiB, string OperatingSystem, string Runtime)
{
    public static MachineInfo Current() => new(
        ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>The 1-minute load average (runnable tasks, all processes on the machine), when Linux reports it.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Processor}, {Cores} cores, {MemoryGiB} GiB, {OperatingSystem}, {Runtime}");

    private static string? ReadField(string path, string field)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(line => line.StartsWith(field, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
