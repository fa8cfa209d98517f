using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.DependencyInjection;

/// <summary>
/// Validation at start and the key environment variables. These tests read or set process environment variables, so
/// they run in a collection that never runs in parallel with anything else.
/// </summary>
[Collection(EnvironmentVariablesGroup.Name)]
public sealed class NanoBananaOptionsValidationTests
{
    private static readonly Uri StubBase = new("https://127.0.0.1:7443/api/v1/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Exception> StartFails(Action<NanaNanoBananaImageClientOptions> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana().AddNanaNanoBanana(configure);
        using var host = builder.Build();
        return await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(Ct));
    }

    [Fact]
    public async Task A_missing_api_key_fails_the_host_start_naming_the_setting_and_the_environment_variable()
    {
        using var env = EnvironmentVariableScope.WithoutApiKeyVariables();

        var e = await StartFails(o => o.BaseAddress = StubBase);

        var validation = Assert.IsType<OptionsValidationException>(e);
        Assert.Contains("ApiKey", validation.Message, StringComparison.Ordinal);
        Assert.Contains("NANO_BANANA_API_KEY", validation.Message, StringComparison.Ordinal);
        Assert.Equal("nananobanana", validation.OptionsName);
    }

    [Fact]
    public async Task A_base_address_that_is_not_http_fails_the_host_start()
    {
        var e = await StartFails(o =>
        {
            o.ApiKey = "nb_valid";
            o.BaseAddress = new Uri("ftp://127.0.0.1/api/v1/");
        });

        var validation = Assert.IsType<OptionsValidationException>(e);
        Assert.Contains("BaseAddress", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_base_address_fails_the_host_start()
    {
        var e = await StartFails(o =>
        {
            o.ApiKey = "nb_valid";
            o.BaseAddress = new Uri("api/v1/", UriKind.Relative);
        });

        Assert.Contains("BaseAddress", Assert.IsType<OptionsValidationException>(e).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(NanaNanoBananaImageClientOptions.SyncTimeout), 0)]
    [InlineData(nameof(NanaNanoBananaImageClientOptions.SubmitTimeout), -1)]
    [InlineData(nameof(NanaNanoBananaImageClientOptions.ReadTimeout), 0)]
    [InlineData(nameof(NanaNanoBananaImageClientOptions.StreamIdleTimeout), -5)]
    [InlineData(nameof(NanaNanoBananaImageClientOptions.DownloadTimeout), 0)]
    public async Task A_non_positive_timeout_fails_the_host_start_naming_it(string setting, int seconds)
    {
        var e = await StartFails(o =>
        {
            o.ApiKey = "nb_valid";
            typeof(NanaNanoBananaImageClientOptions).GetProperty(setting)!.SetValue(o, TimeSpan.FromSeconds(seconds));
        });

        Assert.Contains(setting, Assert.IsType<OptionsValidationException>(e).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_retry_count_fails_the_host_start()
    {
        var e = await StartFails(o =>
        {
            o.ApiKey = "nb_valid";
            o.Resilience = new() { MaxRetryAttempts = -1 };
        });

        Assert.Contains("MaxRetryAttempts", Assert.IsType<OptionsValidationException>(e).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_options_let_the_host_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana().AddNanaNanoBanana(o =>
        {
            o.ApiKey = "nb_valid";
            o.BaseAddress = StubBase;
        });
        using var host = builder.Build();

        await host.StartAsync(Ct);
        await host.StopAsync(Ct);

        Assert.NotNull(host.Services.GetRequiredService<IImageGenerationClient>());
    }

    [Fact]
    public async Task Nb_api_key_is_used_when_no_key_is_configured()
    {
        using var env = new EnvironmentVariableScope(("NANO_BANANA_API_KEY", null), ("NB_API_KEY", "nb_from_nb_env"));
        var stub = new StubHandler().On(HttpMethod.Get, "/credits", Reply.Json(WireFixtures.Credits));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana()
            .AddNanaNanoBanana(o => o.BaseAddress = StubBase)
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stub);
        using var host = builder.Build();

        await host.StartAsync(Ct);
        await host.Services.GetRequiredService<NanaNanoBananaImageClient>().GetCreditsAsync(Ct);
        await host.StopAsync(Ct);

        Assert.Equal("Bearer nb_from_nb_env", Assert.Single(stub.Requests).Authorization);
    }

    [Fact]
    public void Nano_banana_api_key_wins_over_nb_api_key()
    {
        using var env = new EnvironmentVariableScope(("NANO_BANANA_API_KEY", "nb_primary"), ("NB_API_KEY", "nb_fallback"));

        Assert.Equal("nb_primary", new NanaNanoBananaImageClientOptions().ResolveApiKey());
    }

    [Fact]
    public void A_configured_key_wins_over_the_environment()
    {
        using var env = new EnvironmentVariableScope(("NANO_BANANA_API_KEY", "nb_env"), ("NB_API_KEY", "nb_env2"));

        Assert.Equal("nb_configured", new NanaNanoBananaImageClientOptions { ApiKey = "nb_configured" }.ResolveApiKey());
    }

    [Fact]
    public void A_client_built_without_di_and_without_any_key_is_rejected_up_front()
    {
        using var env = EnvironmentVariableScope.WithoutApiKeyVariables();

        var e = Assert.Throws<ArgumentException>(() => new NanaNanoBananaImageClient(new HttpClient(new StubHandler()), new NanaNanoBananaImageClientOptions()));

        Assert.Contains("ApiKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_to_string_masks_a_key_from_the_environment()
    {
        using var env = new EnvironmentVariableScope(("NANO_BANANA_API_KEY", "nb_env_secret_value"), ("NB_API_KEY", null));

        var text = new NanaNanoBananaImageClientOptions().ToString();

        Assert.DoesNotContain("nb_env_secret_value", text, StringComparison.Ordinal);
        Assert.Contains("nb_***", text, StringComparison.Ordinal);
    }
}
