namespace NanoBanana.Cli.Tests;

/// <summary><c>models --json</c> and <c>credits --json</c>: the vendor's answer where it has the call, a clear error where it has not.</summary>
public sealed class ModelsAndCreditsJsonTests
{
    public static TheoryData<string> WithModels => ["nananobanana", "gemini"];

    public static TheoryData<string> WithoutModels => ["acedata", "apixo", "bananapro", "dreamto-jobs"];

    public static TheoryData<string> WithCredits => ["nananobanana", "bananapro"];

    public static TheoryData<string> WithoutCredits => ["gemini", "acedata", "apixo", "dreamto-jobs"];

    [Theory]
    [MemberData(nameof(WithModels))]
    public async Task Models_json_lists_the_vendors_models(string provider)
    {
        var run = await CliRun.RunAsync("models", "--provider", provider, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(provider, run.Json.GetProperty("provider").GetString());
        var models = run.Json.GetProperty("models").EnumerateArray().ToList();
        Assert.NotEmpty(models);
        Assert.All(models, model =>
        {
            Assert.False(string.IsNullOrEmpty(model.GetProperty("id").GetString()));
            JsonAssert.HasFields(model, "displayName", "creditsCost", "traits");
        });
    }

    [Theory]
    [MemberData(nameof(WithoutModels))]
    public async Task Models_for_a_vendor_without_a_listing_is_an_unsupported_error_with_exit_10(string provider)
    {
        var run = await CliRun.RunAsync("models", "--provider", provider, "--json");

        Assert.Equal(10, run.ExitCode);
        Assert.Equal("unsupported", run.JsonError.GetProperty("type").GetString());
        Assert.Equal(10, run.JsonError.GetProperty("exitCode").GetInt32());
        Assert.Equal(provider, run.JsonError.GetProperty("provider").GetString());
        Assert.Contains("nananobanana, gemini", run.JsonError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WithCredits))]
    public async Task Credits_json_reports_the_balance(string provider)
    {
        var run = await CliRun.RunAsync("credits", "--provider", provider, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(provider, run.Json.GetProperty("provider").GetString());
        Assert.True(run.Json.GetProperty("credits").GetDecimal() >= 0);
    }

    [Theory]
    [MemberData(nameof(WithoutCredits))]
    public async Task Credits_for_a_vendor_without_a_balance_is_an_unsupported_error_with_exit_10(string provider)
    {
        var run = await CliRun.RunAsync("credits", "--provider", provider, "--json");

        Assert.Equal(10, run.ExitCode);
        Assert.Equal("unsupported", run.JsonError.GetProperty("type").GetString());
        Assert.Contains($"provider '{provider}'", run.JsonError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_json_an_unavailable_command_is_one_stderr_line_and_nothing_on_stdout()
    {
        var run = await CliRun.RunAsync("credits", "--provider", "gemini");

        Assert.Equal(10, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("error: 'credits' is not available with provider 'gemini'", run.Stderr, StringComparison.Ordinal);
    }
}
