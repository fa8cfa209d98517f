using NanoBanana.Sdk.Testing;

namespace NanoBanana.Cli.Tests;

/// <summary>Failures with <c>--json</c>: an error document on stdout with the facts a script needs, and the same exit codes as without.</summary>
public sealed class ErrorJsonTests(VendorEmulator vendor) : IClassFixture<VendorEmulator>
{
    [Fact]
    public async Task A_rejected_key_is_an_authentication_error_with_exit_3()
    {
        vendor.Fresh().Scenario.EnqueueFault(new EmulatorFault(401));

        var run = await CliRun.RunAsync(["generate", "--prompt", "a fox", .. vendor.Connect("nananobanana"), "--json"]);

        Assert.Equal(3, run.ExitCode);
        var error = run.JsonError;
        Assert.Equal("authentication", error.GetProperty("type").GetString());
        Assert.Equal(3, error.GetProperty("exitCode").GetInt32());
        Assert.Equal(401, error.GetProperty("statusCode").GetInt32());
        Assert.Equal("nananobanana", error.GetProperty("provider").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        JsonAssert.HasFields(error, "hint", "vendorCode", "operationId", "requestId", "retryAfterSeconds");
    }

    [Fact]
    public async Task A_failed_job_is_a_generation_failed_error_that_names_the_job()
    {
        vendor.Fresh().Scenario.FailJobsWith = "the model ran out of ideas";

        var run = await CliRun.RunAsync(["generate", "--prompt", "a fox", "--mode", "async", "--wait", "--poll-interval", "0.01", .. vendor.Connect("apixo"), "--json"]);

        Assert.Equal(7, run.ExitCode);
        Assert.Equal("generation_failed", run.JsonError.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(run.JsonError.GetProperty("operationId").GetString()));
    }

    [Fact]
    public async Task A_blocked_prompt_is_a_content_filtered_error_with_exit_6()
    {
        vendor.Fresh().Scenario.BlockPrompts = true;

        var run = await CliRun.RunAsync(["generate", "--prompt", "a fox", .. vendor.Connect("acedata"), "--json"]);

        Assert.Equal(6, run.ExitCode);
        Assert.Equal("content_filtered", run.JsonError.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Polling_a_job_the_vendor_does_not_know_is_a_provider_error_with_its_status_and_job_id()
    {
        var run = await CliRun.RunAsync("poll", "--id", "no-such-job", "--json");

        Assert.Equal(9, run.ExitCode);
        var error = run.JsonError;
        Assert.Equal("provider_error", error.GetProperty("type").GetString());
        Assert.Equal(404, error.GetProperty("statusCode").GetInt32());
        Assert.Equal("no-such-job", error.GetProperty("operationId").GetString());
        Assert.Contains("emulator", error.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_line_error_with_json_is_a_usage_error_with_exit_2()
    {
        var run = await CliRun.RunAsync("generate", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("usage", run.JsonError.GetProperty("type").GetString());
        Assert.Contains("--prompt", run.JsonError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_json_a_failure_is_one_stderr_line_and_stdout_stays_empty()
    {
        var run = await CliRun.RunAsync("poll", "--id", "no-such-job");

        Assert.Equal(9, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Single(run.Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("error: ", StringComparison.Ordinal));
    }
}
