using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>Options, their validation, the key's environment variables, and <c>AddAceData</c>.</summary>
[Collection(EnvironmentVariablesGroup.Name)]
public sealed class AceDataOptionsTests
{
    private static readonly (string, string?)[] NoKeyVariables = [("ACEDATA_API_KEY", null), ("ACE_DATA_API_KEY", null), ("ACEDATACLOUD_API_TOKEN", null)];

    private static ServiceProvider Build(Action<NanoBanana.Sdk.DependencyInjection.NanoBananaBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddNanoBanana());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void A_missing_key_fails_validation_naming_the_setting_and_the_variable()
    {
        using var scope = new EnvironmentVariableScope(NoKeyVariables);

        var result = new AceDataImageClientOptionsValidator().Validate("acedata", new AceDataImageClientOptions());

        Assert.True(result.Failed);
        Assert.Contains("NanoBanana:AceData:ApiKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ACEDATA_API_KEY", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ACEDATA_API_KEY")]
    [InlineData("ACE_DATA_API_KEY")]
    [InlineData("ACEDATACLOUD_API_TOKEN")]
    public void The_key_is_read_from_each_documented_environment_variable(string variable)
    {
        using var scope = new EnvironmentVariableScope([.. NoKeyVariables, (variable, "from-" + variable)]);

        Assert.Equal("from-" + variable, new AceDataImageClientOptions().ResolveApiKey());
    }

    [Fact]
    public void The_first_variable_wins_and_an_explicit_key_beats_them_all()
    {
        using var scope = new EnvironmentVariableScope(("ACEDATA_API_KEY", "first"), ("ACE_DATA_API_KEY", "second"), ("ACEDATACLOUD_API_TOKEN", "third"));

        Assert.Equal("first", new AceDataImageClientOptions().ResolveApiKey());
        Assert.Equal("explicit", new AceDataImageClientOptions { ApiKey = "explicit" }.ResolveApiKey());
    }

    [Fact]
    public void Invalid_settings_each_fail_with_their_name()
    {
        var options = new AceDataImageClientOptions
        {
            ApiKey = "k",
            BaseAddress = new Uri("/relative", UriKind.Relative),
            SyncTimeout = TimeSpan.Zero,
            ReadTimeout = TimeSpan.FromSeconds(-1),
        };
        options.Webhooks.MaxBodyBytes = 0;

        var message = new AceDataImageClientOptionsValidator().Validate(null, options).FailureMessage;

        Assert.Contains("BaseAddress", message, StringComparison.Ordinal);
        Assert.Contains("SyncTimeout", message, StringComparison.Ordinal);
        Assert.Contains("ReadTimeout", message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:MaxBodyBytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_constructor_rejects_invalid_options()
    {
        using var scope = new EnvironmentVariableScope(NoKeyVariables);

        Assert.Throws<ArgumentException>(() => new AceDataImageClient(new AceDataImageClientOptions()));
    }

    [Fact]
    public void To_string_masks_the_key_and_hides_webhook_secrets()
    {
        var options = new AceDataImageClientOptions { ApiKey = "ace_super_secret_token_123" };
        options.Webhooks.Secrets.Add("whsec_do_not_print");

        var text = options.ToString();

        Assert.DoesNotContain("super_secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_do_not_print", text, StringComparison.Ordinal);
        Assert.Contains("ace***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ace_data_registers_the_client_and_its_webhook_parser_under_acedata()
    {
        using var provider = Build(b => b.AddAceData(o => o.ApiKey = "k"));

        var client = provider.GetRequiredKeyedService<IImageGenerationClient>("acedata");

        Assert.IsType<AceDataImageClient>(client);
        Assert.Same(client, provider.GetRequiredService<AceDataImageClient>());
        Assert.IsType<AceDataWebhookParser>(provider.GetRequiredKeyedService<IImageGenerationWebhookParser>("acedata"));
    }

    [Fact]
    public void Add_ace_data_binds_a_configuration_section_including_webhook_secrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NanoBanana:AceData:ApiKey"] = "from-config",
            ["NanoBanana:AceData:BaseAddress"] = "https://127.0.0.1:7443/",
            ["NanoBanana:AceData:DefaultModel"] = "nano-banana-pro",
            ["NanoBanana:AceData:Webhooks:Secrets:0"] = "whsec_1",
        }).Build();
        using var provider = Build(b => b.AddAceData(configuration.GetSection("NanoBanana:AceData")));

        var options = provider.GetRequiredService<IOptionsMonitor<AceDataImageClientOptions>>().Get("acedata");

        Assert.Equal("from-config", options.ApiKey);
        Assert.Equal(new Uri("https://127.0.0.1:7443/"), options.BaseAddress);
        Assert.Equal("nano-banana-pro", options.DefaultModel);
        Assert.Equal(["whsec_1"], options.Webhooks.Secrets);
    }

    [Fact]
    public async Task Options_without_a_key_fail_the_host_start_naming_the_registration()
    {
        using var scope = new EnvironmentVariableScope(NoKeyVariables);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana().AddAceData("acedata-eu", _ => { });
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal("acedata-eu", e.OptionsName);
        Assert.Contains("AceData client 'acedata-eu'", e.Message, StringComparison.Ordinal);
    }
}
