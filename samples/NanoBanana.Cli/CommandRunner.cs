using System.CommandLine;

namespace NanoBanana.Cli;

/// <summary>Opens a client session for a command, runs it, and maps any failure to an exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(
        ParseResult parseResult, GlobalOptions global, Func<ClientSession, CancellationToken, Task> command, CancellationToken cancellationToken)
    {
        ClientSession? session = null;
        try
        {
            session = await ClientSession.OpenAsync(global.Read(parseResult), cancellationToken).ConfigureAwait(false);
            await command(session, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception exception)
        {
            return ErrorReporter.Report(
                exception, new ErrorContext(cancellationToken.IsCancellationRequested, session?.UsesEmulator ?? false, session?.CurrentOperationId));
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
