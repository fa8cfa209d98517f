using System.Globalization;

namespace NanoBanana.Sdk.Benchmarks.Peak;

/// <summary>This process's resident memory as Linux reports it in <c>/proc/self/status</c>.</summary>
internal static class ProcessMemory
{
    /// <summary>The peak resident set size so far (<c>VmHWM</c>), in bytes.</summary>
    public static long PeakResident() => Read("VmHWM:");

    /// <summary>The resident set size now (<c>VmRSS</c>), in bytes.</summary>
    public static long Resident() => Read("VmRSS:");

    /// <summary>Resets the peak to the current resident size, so the next peak belongs to what runs next.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new PlatformNotSupportedException($"/proc/self/status has no {field} line; peak memory is measured on Linux only.");
    }
}
