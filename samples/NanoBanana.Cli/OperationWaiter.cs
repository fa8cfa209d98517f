using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>Polls an operation to its end, printing each poll, then saves its images.</summary>
internal static class OperationWaiter
{
    public static async Task WaitAndSaveAsync(
        ImageGenerationOperation operation, PollingStrategy strategy, string downloadDirectory, CancellationToken cancellationToken)
    {
        Console.WriteLine($"waiting for {operation.Id} (first poll after {strategy.InitialDelay.TotalSeconds:0.###} s, then every {strategy.Interval.TotalSeconds:0.###} s)");
        await foreach (var update in operation.WatchAsync(strategy, cancellationToken).ConfigureAwait(false))
        {
            ProgressPrinter.PrintPollUpdate(update);
            if (update is ImageGenerationCompletedUpdate completed)
            {
                await ImageDownloads.SaveAllAsync(completed.Result, downloadDirectory, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
