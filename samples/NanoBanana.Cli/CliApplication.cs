using System.CommandLine;
using NanoBanana.Cli.Commands;

namespace NanoBanana.Cli;

/// <summary>The whole command line: builds the commands, parses the arguments and runs the chosen command.</summary>
internal static class CliApplication
{
    /// <summary>Runs the CLI in-process with its output captured, as a test does: never a terminal, no Ctrl+C handler.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Receives the results (text, or the JSON document with <c>--json</c>).</param>
    /// <param name="stderr">Receives notices, progress lines and errors.</param>
    /// <param name="cancellationToken">Cancels the command as Ctrl+C would.</param>
    /// <returns>The exit code.</returns>
    internal static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, new CliConsole(stdout, stderr, ErrorIsTerminal: false), processTerminationTimeout: null, cancellationToken);

    /// <summary>Runs the CLI against the given console.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="processTerminationTimeout">When set, Ctrl+C cancels the command and the run ends within this time.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    internal static async Task<int> RunAsync(string[] args, CliConsole console, TimeSpan? processTerminationTimeout, CancellationToken cancellationToken)
    {
        var global = new GlobalOptions();
        var root = CreateRootCommand(global, console);
        var parseResult = root.Parse(args);

        // Usage errors get the same treatment (one line, or a JSON error, and exit 2) as invalid input the SDK rejects.
        if (parseResult.Errors.Count > 0)
        {
            return ErrorReporter.ReportParseErrors(parseResult, global.RequestsJson(parseResult), console);
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            ProcessTerminationTimeout = processTerminationTimeout,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The root command with every subcommand and the global options.</summary>
    /// <param name="global">The global options.</param>
    /// <param name="console">Where the commands write.</param>
    /// <returns>The root command.</returns>
    internal static RootCommand CreateRootCommand(GlobalOptions global, CliConsole console)
    {
        var runner = new CommandRunner(global, console);
        var root = new RootCommand(
            "Generate images with Nano Banana models through any supported vendor. With no API key, a built-in emulator answers and the images are synthetic.\n" +
            "Example: nanobanana generate --prompt \"a watercolor fox\"")
        {
            GenerateCommand.Create(runner),
            PollCommand.Create(runner),
            ModelsCommand.Create(runner),
            CreditsCommand.Create(runner),
        };
        global.AddTo(root);
        return root;
    }
}
