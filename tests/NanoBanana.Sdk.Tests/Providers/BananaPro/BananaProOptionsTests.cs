using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>
/// Options validation, the key's environment variable, masking, and the DI registration. These tests read or set
/// process environment variables, so they never run in parallel with anything else.
/// </summary>
[Collection(EnvironmentVariablesGroup.Name)]
public sealed class BananaProOptionsTests
{
    private const string EnvironmentVariable = "BANANAPRO_API_KEY";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Failures(Action<BananaProImageClientOptions> configure)
    {
        var options = BananaProTestClients.Options();
        configure(options);
        var result = new BananaProImageClientOptionsValidator().Validate("bananapro", options);
        Assert.True(result.Failed, "the options were accepted");
        return result.FailureMessage;
    }

    [Fact]
    public void A_missing_key_names_the_setting_and_the_environment_variable()
    {
        using var env = new EnvironmentVariableScope((EnvironmentVariable, null));

        var message = Failures(o => o.ApiKey = null);

        Assert.Contains("ApiKey", message, StringComparison.Ordinal);
        Assert.Contains(EnvironmentVariable, message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_is_read_from_the_environment_variable_when_the_option_is_unset()
    {
        using var env = new EnvironmentVariableScope((EnvironmentVariable, "sk-from-env"));

        Assert.Equal("sk-from-env", new BananaProImageClientOptions().ResolveApiKey());
    }

    [Theory]
    [InlineData("images/{id}")]
    [InlineData("/api/v1/images/{task_id}/{task_id}")]
    [InlineData("https://other.example/api/v1/images/{task_id}")]
    [InlineData(" ")]
    public void A_status_path_template_without_exactly_one_task_id_or_with_a_host_is_rejected(string template) =>
        Assert.Contains("StatusPathTemplate", Failures(o => o.StatusPathTemplate = template), StringComparison.Ordinal);

    [Fact]
    public void An_empty_default_model_is_rejected() =>
        Assert.Contains("DefaultModel", Failures(o => o.DefaultModel = " "), StringComparison.Ordinal);

    [Fact]
    public void A_base_address_that_is_not_http_is_rejected() =>
        Assert.Contains("BaseAddress", Failures(o => o.BaseAddress = new Uri("ftp://127.0.0.1/")), StringComparison.Ordinal);

    [Fact]
    public void A_non_positive_timeout_is_rejected() =>
        Assert.Contains("ReadTimeout", Failures(o => o.ReadTimeout = TimeSpan.Zero), StringComparison.Ordinal);

    [Fact]
    public void An_empty_webhook_secret_is_rejected() =>
        Assert.Contains("Webhooks:Secrets", Failures(o => o.Webhooks.Secrets.Add("")), StringComparison.Ordinal);

    [Fact]
    public void Invalid_options_fail_the_client_constructor()
    {
        var options = BananaProTestClients.Options(o => o.StatusPathTemplate = "status");

        Assert.Throws<ArgumentException>(() => new BananaProImageClient(options));
    }

    [Fact]
    public void To_string_masks_the_key_and_hides_webhook_secrets()
    {
        var options = BananaProTestClients.Options();
        options.Webhooks.Secrets.Add("whsec_very_private");

        var text = options.ToString();

        Assert.DoesNotContain(BananaProTestClients.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_very_private", text, StringComparison.Ordinal);
        Assert.Contains("sk-***", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_banana_pro_registers_the_client_and_the_webhook_parser_under_bananapro()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana().AddBananaPro(o => o.ApiKey = "sk-di");
        using var host = builder.Build();
        await host.StartAsync(Ct);

        var client = host.Services.GetRequiredKeyedService<IImageGenerationClient>("bananapro");
        var parser = host.Services.GetRequiredKeyedService<IImageGenerationWebhookParser>("bananapro");

        Assert.IsType<BananaProImageClient>(client);
        Assert.IsType<BananaProWebhookParser>(parser);
        Assert.Same(client, host.Services.GetRequiredService<IImageGenerationClient>());
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task Options_bind_from_configuration_including_webhook_secrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NanoBanana:BananaPro:ApiKey"] = "sk-config",
            ["NanoBanana:BananaPro:BaseAddress"] = "https://gateway.nanobananapro.site/",
            ["NanoBanana:BananaPro:StatusPathTemplate"] = "/api/v1/status/{task_id}",
            ["NanoBanana:BananaPro:Webhooks:Secrets:0"] = "whsec_a",
        }).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana().AddBananaPro(configuration.GetSection("NanoBanana:BananaPro"));
        using var host = builder.Build();
        await host.StartAsync(Ct);

        var options = host.Services.GetRequiredService<IOptionsMonitor<BananaProImageClientOptions>>().Get("bananapro");

        Assert.Equal(BananaProImageClientOptions.AlternateBaseAddress, options.BaseAddress);
        Assert.Equal("/api/v1/status/{task_id}", options.StatusPathTemplate);
        Assert.Equal(["whsec_a"], options.Webhooks.Secrets);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task A_missing_key_fails_the_host_start()
    {
        using var env = new EnvironmentVariableScope((EnvironmentVariable, null));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana().AddBananaPro(_ => { });
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Equal("bananapro", e.OptionsName);
        Assert.Contains(EnvironmentVariable, e.Message, StringComparison.Ordinal);
    }
}
