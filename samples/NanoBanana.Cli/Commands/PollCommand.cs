using System.CommandLine;

namespace NanoBanana.Cli.Commands;

/// <summary><c>poll</c>: resumes a job by id, from this or any other process, and optionally waits for it.</summary>
internal static class PollCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Option<string>("--id") { Description = "The operation id that 'generate --mode async' printed.", Required = true };
        var job = new JobOptions();
        var command = new Command(
            "poll",
            "Show the state of a job started earlier; with --wait, wait for it and download its images.\nExample: nanobanana poll --id clxx8k2m0000abcd --wait")
        {
            id,
        };
        job.AddTo(command);

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, global, async (session, ct) =>
        {
            var operationId = parseResult.GetRequiredValue(id);
            session.CurrentOperationId = operationId;
            var operation = await session.Client.GetGenerationAsync(operationId, ct).ConfigureAwait(false);
            if (job.ReadWait(parseResult))
            {
                var strategy = job.ReadPolling(parseResult).ApplyTo(session.DefaultPolling);
                await OperationWaiter.WaitAndSaveAsync(operation, strategy, job.ReadDownloadDirectory(parseResult), ct).ConfigureAwait(false);
                return;
            }

            Console.WriteLine($"{operation.Id}: {operation.Status}{(operation.Percent is { } percent ? $" {percent}%" : string.Empty)}");
            if (!operation.HasCompleted)
            {
                Console.WriteLine($"wait for it with: nanobanana poll --id {operation.Id} --wait");
            }
            else if (operation.HasValue)
            {
                foreach (var image in operation.Value.Images)
                {
                    Console.WriteLine($"image: {image.Uri?.ToString() ?? image.MediaType}");
                }

                Console.WriteLine($"download with: nanobanana poll --id {operation.Id} --wait");
            }
            else
            {
                // A failed job: Value throws the SDK's reason, reported with its exit code like any other failure.
                _ = operation.Value;
            }
        }, cancellationToken));
        return command;
    }
}
