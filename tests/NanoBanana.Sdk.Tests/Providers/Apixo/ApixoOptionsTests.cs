using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>Options, their validation at start, the key environment variable and the DI registration. Reads process environment variables.</summary>
[Collection(EnvironmentVariablesGroup.Name)]
public sealed class ApixoOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<OptionsValidationException> StartFails(Action<ApixoImageClientOptions> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana().AddApixo(configure);
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));
    }

    [Fact]
    public async Task A_missing_key_fails_the_start_naming_the_setting_and_the_environment_variable()
    {
        using var env = new EnvironmentVariableScope(("APIXO_API_KEY", null));

        var e = await StartFails(o => o.BaseAddress = ApixoTestClients.BaseAddress);

        Assert.Contains("NanoBanana:Apixo:ApiKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("APIXO_API_KEY", e.Message, StringComparison.Ordinal);
        Assert.Equal("apixo", e.OptionsName);
    }

    [Fact]
    public async Task Bad_settings_fail_the_start_each_named()
    {
        var e = await StartFails(o =>
        {
            o.ApiKey = "k";
            o.RoutingStrategy = "cheapest";
            o.DefaultModel = "nano banana";
            o.ReadTimeout = TimeSpan.Zero;
            o.Webhooks.MaxBodyBytes = 0;
        });

        Assert.Contains("RoutingStrategy", e.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultModel", e.Message, StringComparison.Ordinal);
        Assert.Contains("ReadTimeout", e.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:MaxBodyBytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_comes_from_apixo_api_key_when_the_option_is_empty()
    {
        using var env = new EnvironmentVariableScope(("APIXO_API_KEY", "from-env"));

        Assert.Equal("from-env", new ApixoImageClientOptions().ResolveApiKey());
        Assert.Equal("from-option", new ApixoImageClientOptions { ApiKey = "from-option" }.ResolveApiKey());
    }

    [Fact]
    public void The_client_without_di_refuses_invalid_options()
    {
        using var env = new EnvironmentVariableScope(("APIXO_API_KEY", null));

        var e = Assert.Throws<ArgumentException>(() => new ApixoImageClient(new ApixoImageClientOptions()));

        Assert.Contains("ApiKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void To_string_masks_the_key_and_hides_the_webhook_secrets()
    {
        var options = ApixoTestClients.Options();

        var text = options.ToString();

        Assert.DoesNotContain(ApixoTestClients.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApixoTestClients.WebhookSecret, text, StringComparison.Ordinal);
        Assert.Contains("Secrets = 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_polling_is_the_documented_ten_seconds_then_every_three()
    {
        var polling = new ApixoImageClientOptions().PollingStrategy;

        Assert.Equal(TimeSpan.FromSeconds(10), polling.GetDelay(0));
        Assert.Equal(TimeSpan.FromSeconds(3), polling.GetDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(3), polling.GetDelay(7));
    }

    [Fact]
    public void Add_apixo_binds_the_section_including_webhook_secrets_and_registers_client_and_parser_as_apixo()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NanoBanana:Apixo:ApiKey"] = "k-config",
            ["NanoBanana:Apixo:BaseAddress"] = "https://127.0.0.1:7443/api/v1/",
            ["NanoBanana:Apixo:RoutingStrategy"] = "value",
            ["NanoBanana:Apixo:Webhooks:Secrets:0"] = "s1",
            ["NanoBanana:Apixo:Webhooks:Secrets:1"] = "s2",
        }).Build();
        var services = new ServiceCollection();
        services.AddNanoBanana().AddApixo(configuration.GetSection("NanoBanana:Apixo"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var options = provider.GetRequiredService<IOptionsMonitor<ApixoImageClientOptions>>().Get("apixo");
        var client = provider.GetRequiredKeyedService<IImageGenerationClient>("apixo");
        var parser = provider.GetRequiredKeyedService<IImageGenerationWebhookParser>("apixo");

        Assert.Equal(["s1", "s2"], options.Webhooks.Secrets);
        Assert.Equal("value", options.RoutingStrategy);
        Assert.IsType<ApixoImageClient>(client);
        Assert.Same(client, provider.GetRequiredService<ApixoImageClient>());
        Assert.IsType<ApixoWebhookParser>(parser);
        Assert.Equal("Apixo", parser.ProviderName);
    }
}
