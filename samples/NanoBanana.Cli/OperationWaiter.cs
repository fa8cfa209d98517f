using NanoBanana.Cli.Output;
using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>Polls an operation to its end, showing each poll, then saves and reports its images.</summary>
internal static class OperationWaiter
{
    public static async Task WaitAndSaveAsync(
        ImageGenerationOperation operation,
        PollingStrategy strategy,
        string provider,
        string downloadDirectory,
        CommandOutput output,
        CancellationToken cancellationToken)
    {
        output.Status($"waiting for {operation.Id} (first poll after {strategy.InitialDelay.TotalSeconds:0.###} s, then every {strategy.Interval.TotalSeconds:0.###} s)");
        ImageGenerationResult? result = null;
        using (var progress = output.WaitProgress())
        {
            await foreach (var update in operation.WatchAsync(strategy, cancellationToken).ConfigureAwait(false))
            {
                progress.Report(update);
                if (update is ImageGenerationCompletedUpdate completed)
                {
                    result = completed.Result;
                }
            }
        }

        // WatchAsync ends with exactly one completed update, or throws.
        await GenerationReport.SaveAndReportAsync(result!, provider, downloadDirectory, output, cancellationToken).ConfigureAwait(false);
    }
}
