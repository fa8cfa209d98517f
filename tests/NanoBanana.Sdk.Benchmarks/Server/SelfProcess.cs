using System.Diagnostics;

namespace NanoBanana.Sdk.Benchmarks.Server;

/// <summary>Starts this benchmark program again in a child process with other arguments (<c>--serve</c>, <c>--peak</c>).</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(string arguments, bool redirectInput = false)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        var assembly = typeof(SelfProcess).Assembly.Location;

        // Run as "dotnet X.dll": the host is dotnet and the assembly comes first; run through the apphost: it is the host.
        var viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return new ProcessStartInfo(host, viaDotnet ? $"\"{assembly}\" {arguments}" : arguments)
        {
            UseShellExecute = false,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
    }
}
