namespace NanoBanana.Cli.Tests;

/// <summary><c>generate --json</c> against the embedded emulator: one document on stdout describing the saved files.</summary>
public sealed class GenerateJsonTests
{
    private const string Prompt = "a watercolor fox";

    public static TheoryData<string, string> ProvidersAndModes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in ProviderCatalog.Names)
            {
                foreach (var mode in new[] { "sync", "stream", "async" })
                {
                    data.Add(provider, mode);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Generate_json_describes_the_saved_image_for_every_provider_and_mode(string provider, string mode)
    {
        using var downloads = new TempDirectory();
        string[] wait = mode == "async" ? ["--wait"] : [];

        var run = await CliRun.RunAsync(["generate", "--prompt", Prompt, "--provider", provider, "--mode", mode, .. wait, "--download-dir", downloads.Path, "--json"]);

        Assert.Equal(0, run.ExitCode);
        JsonAssert.SavedOnePng(run.Json, provider);
    }

    [Fact]
    public async Task Async_generate_without_wait_reports_the_job_to_poll_later()
    {
        var run = await CliRun.RunAsync("generate", "--prompt", Prompt, "--mode", "async", "--json");

        Assert.Equal(0, run.ExitCode);
        var document = run.Json;
        Assert.False(string.IsNullOrEmpty(document.GetProperty("operationId").GetString()));
        Assert.Contains(document.GetProperty("status").GetString(), new[] { "queued", "running" });
        Assert.Empty(document.GetProperty("images").EnumerateArray());
    }

    [Fact]
    public async Task Json_mode_keeps_the_emulator_notice_and_progress_on_stderr()
    {
        using var downloads = new TempDirectory();

        var run = await CliRun.RunAsync("generate", "--prompt", Prompt, "--mode", "stream", "--download-dir", downloads.Path, "--json");

        Assert.Contains("built-in emulator", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("complete", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("succeeded", run.Json.GetProperty("status").GetString());
    }
}
