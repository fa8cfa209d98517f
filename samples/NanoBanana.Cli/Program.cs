using System.CommandLine;
using NanoBanana.Cli;
using NanoBanana.Cli.Commands;

var global = new GlobalOptions();
var root = new RootCommand(
    "Generate images with Nano Banana models through any supported vendor. With no API key, a built-in emulator answers and the images are synthetic.\n" +
    "Example: nanobanana generate --prompt \"a watercolor fox\"")
{
    GenerateCommand.Create(global),
    PollCommand.Create(global),
    ModelsCommand.Create(global),
    CreditsCommand.Create(global),
};
global.AddTo(root);

var parseResult = root.Parse(args);

// Usage errors get the same one-line, exit-code-2 treatment as invalid input the SDK rejects.
if (parseResult.Errors.Count > 0)
{
    return ErrorReporter.ReportParseErrors(parseResult);
}

// Set explicitly: InvokeAsync() without a configuration leaves Ctrl+C unhandled, so the process would die
// by the signal instead of cancelling the command's token and exiting with 130.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(2) };
return await parseResult.InvokeAsync(invocation).ConfigureAwait(false);
