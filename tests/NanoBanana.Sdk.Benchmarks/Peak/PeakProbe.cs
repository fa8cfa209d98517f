using System.Globalization;
using NanoBanana.Sdk.Benchmarks.Contenders;
using NanoBanana.Sdk.Benchmarks.Server;

namespace NanoBanana.Sdk.Benchmarks.Peak;

/// <summary>
/// The child side of a peak measurement (<c>--peak NAME BYTES URL</c>): warm up like a running service (40 calls on a
/// small image over the same client and connection, then a pause for tiered compilation to finish in the background),
/// collect, reset the peak, make one call with the measured image, and print how far the peak resident set rose above
/// the resident set before the call.
/// </summary>
internal static class PeakProbe
{
    // Tiered compilation promotes a method after 30 calls; 40 puts every hot path in its final code before measuring,
    // so the JIT's own memory does not count as the call's.
    private const int WarmUpCalls = 40;
    private static readonly TimeSpan TieringPause = TimeSpan.FromSeconds(1);

    /// <summary>The line the probe prints, followed by the growth in bytes.</summary>
    public const string ResultPrefix = "peak-growth ";

    public static async Task<int> RunAsync(PeakCase peakCase, Uri server, CancellationToken cancellationToken)
    {
        var saveDirectory = Directory.CreateTempSubdirectory("nanobanana-peak-");
        try
        {
            using var clients = new InlineImageClients(server);
            for (var call = 0; call < WarmUpCalls; call++)
            {
                await RunOnceAsync(clients, peakCase, ImageBytes.WarmUpSize, saveDirectory.FullName, cancellationToken);
            }

            await Task.Delay(TieringPause, cancellationToken);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            ProcessMemory.ResetPeak();
            var before = ProcessMemory.Resident();
            var result = await RunOnceAsync(clients, peakCase, peakCase.ImageBytes, saveDirectory.FullName, cancellationToken);
            var growth = ProcessMemory.PeakResident() - before;
            GC.KeepAlive(result);

            Console.WriteLine(ResultPrefix + growth.ToString(CultureInfo.InvariantCulture));
            return 0;
        }
        finally
        {
            saveDirectory.Delete(recursive: true);
        }
    }

    /// <summary>Runs the case once and returns what it produced, so the image stays alive until the peak is read.</summary>
    private static async Task<object> RunOnceAsync(
        InlineImageClients clients, PeakCase peakCase, int imageBytes, string saveDirectory, CancellationToken cancellationToken)
    {
        if (peakCase.Contender is { } contender)
        {
            return await clients.GenerateAsync(contender, imageBytes, cancellationToken);
        }

        var saved = await clients.Sdk.GenerateToStreamAsync(
            InlineImageClients.SdkRequest(imageBytes),
            part => new FileStream(Path.Combine(saveDirectory, $"image-{part.Index}.png"), FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true),
            cancellationToken);
        if (saved.ImageLength != imageBytes)
        {
            throw new InvalidOperationException($"The SDK saved {saved.ImageLength} bytes of a {imageBytes}-byte image.");
        }

        return saved;
    }
}
