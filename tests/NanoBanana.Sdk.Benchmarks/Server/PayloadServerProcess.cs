using System.Diagnostics;

namespace NanoBanana.Sdk.Benchmarks.Server;

/// <summary>The payload server running in a child process, started once and shared by every suite of a run.</summary>
internal sealed class PayloadServerProcess : IDisposable
{
    private static readonly Lock Gate = new();
    private static PayloadServerProcess? _shared;

    private readonly Process _process;

    private PayloadServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's base address, ending in a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The shared server, started on first use; it ends with this process (see <see cref="StopShared"/>).</summary>
    public static PayloadServerProcess Shared
    {
        get
        {
            lock (Gate)
            {
                return _shared ??= Start();
            }
        }
    }

    /// <summary>Stops the shared server, if one was started.</summary>
    public static void StopShared()
    {
        lock (Gate)
        {
            _shared?.Dispose();
            _shared = null;
        }
    }

    /// <summary>An address under the server, e.g. <c>Address("gemini/1048576/")</c>.</summary>
    public Uri Address(string relative) => new(BaseAddress, relative);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static PayloadServerProcess Start()
    {
        var process = Process.Start(SelfProcess.StartInfo("--serve", redirectInput: true))
            ?? throw new InvalidOperationException("The payload server process did not start.");
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(PayloadServer.ListeningPrefix, StringComparison.Ordinal))
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopShared();
                return new PayloadServerProcess(process, new Uri(line[PayloadServer.ListeningPrefix.Length..]));
            }
        }

        process.WaitForExit();
        throw new InvalidOperationException($"The payload server exited with code {process.ExitCode} before it listened: {process.StandardError.ReadToEnd()}");
    }
}
