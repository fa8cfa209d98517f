namespace NanoBanana.Cli.Tests.Support;

/// <summary>Runs the CLI in-process, as <c>nanobanana ARGS</c> would run, with stdout and stderr captured (never a terminal).</summary>
public static class CliRun
{
    /// <summary>Runs one command line to its end.</summary>
    /// <param name="args">The arguments after <c>nanobanana</c>.</param>
    /// <returns>The exit code and both outputs.</returns>
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
