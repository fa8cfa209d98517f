namespace NanoBanana.Cli.Tests;

/// <summary>Output that is not a terminal (a CI log, a pipe): plain progress lines on stderr, results on stdout, no control characters.</summary>
public sealed class PlainOutputTests
{
    [Fact]
    public async Task Streamed_progress_is_one_plain_line_per_event()
    {
        using var downloads = new TempDirectory();

        var run = await CliRun.RunAsync("generate", "--prompt", "a fox", "--mode", "stream", "--download-dir", downloads.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  [100%] complete", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("heartbeat", run.Stderr, StringComparison.Ordinal);
        JsonAssert.NoControlCharacters(run.Stderr);
    }

    [Fact]
    public async Task Wait_progress_is_one_plain_line_per_poll()
    {
        using var downloads = new TempDirectory();

        var run = await CliRun.RunAsync("generate", "--prompt", "a fox", "--mode", "async", "--wait", "--download-dir", downloads.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  poll 1: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(": succeeded", run.Stderr, StringComparison.Ordinal);
        JsonAssert.NoControlCharacters(run.Stderr);
    }

    [Fact]
    public async Task A_download_is_one_plain_line_with_its_size()
    {
        using var downloads = new TempDirectory();

        var run = await CliRun.RunAsync("generate", "--prompt", "a fox", "--download-dir", downloads.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  downloading image 1 of 1 (", run.Stderr, StringComparison.Ordinal);
        JsonAssert.NoControlCharacters(run.Stderr);
    }

    [Fact]
    public async Task Text_results_go_to_stdout_and_status_to_stderr()
    {
        using var downloads = new TempDirectory();

        var run = await CliRun.RunAsync("generate", "--prompt", "a fox", "--download-dir", downloads.Path);

        var saved = Assert.Single(run.Stdout.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("saved ", StringComparison.Ordinal));
        Assert.True(File.Exists(saved["saved ".Length..]));
        Assert.Contains("generating with", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("generating with", run.Stdout, StringComparison.Ordinal);
    }
}
