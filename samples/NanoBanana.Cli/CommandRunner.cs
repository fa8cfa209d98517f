using System.CommandLine;
using NanoBanana.Cli.Output;

namespace NanoBanana.Cli;

/// <summary>Opens a client session for a command, runs it, and maps any failure to an exit code and its report.</summary>
internal sealed class CommandRunner(GlobalOptions global, CliConsole console)
{
    public async Task<int> RunAsync(
        ParseResult parseResult, Func<ClientSession, CommandOutput, CancellationToken, Task> command, CancellationToken cancellationToken)
    {
        var settings = global.Read(parseResult);
        var json = global.ReadJson(parseResult);

        // --verbose log lines would tear a line redrawn in place, so with them progress stays plain lines.
        var output = new CommandOutput(console, json, progressBars: console.ErrorIsTerminal && !settings.Verbose);
        ClientSession? session = null;
        try
        {
            session = await ClientSession.OpenAsync(settings, console.Error, cancellationToken).ConfigureAwait(false);
            await command(session, output, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception exception)
        {
            var context = new ErrorContext(
                cancellationToken.IsCancellationRequested,
                session?.UsesEmulator ?? false,
                session?.CurrentOperationId,
                session?.Provider.Name ?? settings.Provider);
            return ErrorReporter.Report(exception, context, console, json);
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
