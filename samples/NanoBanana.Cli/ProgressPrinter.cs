using System.Globalization;
using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>Prints one line per progress update: stream events as percentages, polls as numbered status reads.</summary>
internal static class ProgressPrinter
{
    public static void PrintStreamUpdate(ImageGenerationUpdate update)
    {
        switch (update)
        {
            // The SDK reports the highest percent so far on a heartbeat, since the vendor's heartbeat resets it to 0.
            case ImageGenerationProgressUpdate { IsHeartbeat: true } heartbeat:
                Console.WriteLine($"  [{PercentColumn(heartbeat.Percent)}] heartbeat: still working");
                break;
            case ImageGenerationProgressUpdate progress:
                Console.WriteLine($"  [{PercentColumn(progress.Percent)}] {progress.Message ?? progress.Status.Value}");
                break;
            case ImageGenerationCompletedUpdate:
                Console.WriteLine($"  [{PercentColumn(100)}] complete");
                break;
        }
    }

    public static void PrintPollUpdate(ImageGenerationUpdate update)
    {
        switch (update)
        {
            // The first update is the state before any poll: what the submit (or the first read) said.
            case ImageGenerationProgressUpdate { SequenceNumber: 0 } progress:
                Console.WriteLine($"  status: {progress.Status}{PercentSuffix(progress)}");
                break;
            case ImageGenerationProgressUpdate progress:
                Console.WriteLine($"  poll {progress.SequenceNumber}: {progress.Status}{PercentSuffix(progress)}");
                break;
            case ImageGenerationCompletedUpdate:
                Console.WriteLine($"  poll {update.SequenceNumber}: {ImageGenerationStatus.Succeeded}");
                break;
        }
    }

    private static string PercentSuffix(ImageGenerationProgressUpdate progress) =>
        progress.Percent is { } percent ? $" {percent}%" : string.Empty;

    private static string PercentColumn(int? percent) =>
        percent is { } value ? value.ToString(CultureInfo.InvariantCulture).PadLeft(3) + "%" : "  ?%";
}
