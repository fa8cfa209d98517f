using System.CommandLine;

namespace NanoBanana.Cli.Commands;

/// <summary><c>poll</c>: resumes a job by id, from this or any other process, and optionally waits for it.</summary>
internal static class PollCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Option<string>("--id") { Description = "The operation id that 'generate --mode async' printed.", Required = true };
        var job = new JobOptions();
        var command = new Command(
            "poll",
            "Show the state of a job started earlier; with --wait, wait for it and download its images. Every provider but gemini (which keeps no jobs).\n" +
            "Example: nanobanana poll --id clxx8k2m0000abcd --wait --json")
        {
            id,
        };
        job.AddTo(command);

        command.SetAction((parseResult, cancellationToken) => runner.RunAsync(parseResult, async (session, output, ct) =>
        {
            // A vendor without job status can only read back jobs of this very process, and a poll always runs in a new one.
            if (!session.Client.Capabilities.NativeAsync)
            {
                throw ProviderCatalog.NotAvailable("poll", session.Provider, "keeps no jobs, so 'generate' returns the finished image directly");
            }

            var operationId = parseResult.GetRequiredValue(id);
            session.CurrentOperationId = operationId;
            var operation = await session.Client.GetGenerationAsync(operationId, ct).ConfigureAwait(false);
            if (job.ReadWait(parseResult))
            {
                var strategy = job.ReadPolling(parseResult).ApplyTo(session.DefaultPolling);
                await OperationWaiter.WaitAndSaveAsync(operation, strategy, session.Provider.Name, job.ReadDownloadDirectory(parseResult), output, ct)
                    .ConfigureAwait(false);
                return;
            }

            GenerationReport.ReportUndownloaded(operation, session.Provider.Name, output);
        }, cancellationToken));
        return command;
    }
}
