namespace NanoBanana.Cli.Tests;

/// <summary><c>poll --json</c> against an emulator that outlives one run, as a vendor does.</summary>
public sealed class PollJsonTests(VendorEmulator vendor) : IClassFixture<VendorEmulator>
{
    public static TheoryData<string> ProvidersWithJobs => ["nananobanana", "acedata", "apixo", "bananapro", "dreamto-jobs"];

    [Theory]
    [MemberData(nameof(ProvidersWithJobs))]
    public async Task Poll_json_reports_a_job_still_running(string provider)
    {
        vendor.Fresh().Scenario.CompleteAfterPolls = 3;
        var operationId = await SubmitAsync(provider);

        var run = await CliRun.RunAsync(["poll", "--id", operationId, .. vendor.Connect(provider), "--json"]);

        Assert.Equal(0, run.ExitCode);
        var document = run.Json;
        Assert.Equal(operationId, document.GetProperty("operationId").GetString());
        Assert.Contains(document.GetProperty("status").GetString(), new[] { "queued", "running" });
        Assert.Empty(document.GetProperty("images").EnumerateArray());
        JsonAssert.HasFields(document, "provider", "percent", "text", "usage");
    }

    [Theory]
    [MemberData(nameof(ProvidersWithJobs))]
    public async Task Poll_with_wait_json_describes_the_saved_image(string provider)
    {
        vendor.Fresh().Scenario.CompleteAfterPolls = 2;
        var operationId = await SubmitAsync(provider);
        using var downloads = new TempDirectory();

        var run = await CliRun.RunAsync(
            ["poll", "--id", operationId, "--wait", "--poll-interval", "0.01", "--download-dir", downloads.Path, .. vendor.Connect(provider), "--json"]);

        Assert.Equal(0, run.ExitCode);
        JsonAssert.SavedOnePng(run.Json, provider);
        Assert.Equal(operationId, run.Json.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Poll_with_a_vendor_that_keeps_no_jobs_is_an_unsupported_error_with_exit_10()
    {
        var run = await CliRun.RunAsync("poll", "--id", "anything", "--provider", "gemini", "--json");

        Assert.Equal(10, run.ExitCode);
        Assert.Equal("unsupported", run.JsonError.GetProperty("type").GetString());
    }

    private async Task<string> SubmitAsync(string provider)
    {
        var submitted = await CliRun.RunAsync(["generate", "--prompt", "a lighthouse at dusk", "--mode", "async", .. vendor.Connect(provider), "--json"]);
        Assert.Equal(0, submitted.ExitCode);
        return submitted.Json.GetProperty("operationId").GetString()!;
    }
}
