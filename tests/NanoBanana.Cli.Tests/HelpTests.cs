using System.CommandLine;

namespace NanoBanana.Cli.Tests;

/// <summary><c>--help</c>: every command shows an example, and nothing on the command line is left undescribed.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Commands => ["generate", "poll", "models", "credits"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_commands_help_shows_an_example(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Example: nanobanana {command} ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--json", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_and_option_has_a_description()
    {
        using var discard = new StringWriter();
        var root = CliApplication.CreateRootCommand(new GlobalOptions(), new CliConsole(discard, discard, ErrorIsTerminal: false));

        var undescribed = Symbols(root).Where(symbol => string.IsNullOrWhiteSpace(symbol.Description)).Select(symbol => symbol.Name).ToList();

        Assert.Empty(undescribed);
    }

    private static IEnumerable<Symbol> Symbols(Command command) =>
        [command, .. command.Options, .. command.Arguments, .. command.Subcommands.SelectMany(Symbols)];
}
