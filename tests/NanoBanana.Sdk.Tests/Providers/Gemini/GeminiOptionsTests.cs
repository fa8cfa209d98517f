using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Providers.Gemini;
using static NanoBanana.Sdk.Tests.Providers.Gemini.GeminiWireFixtures;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>Options: validation messages, the key from the environment, masking, and registration with <c>AddGemini</c>.</summary>
[Collection(EnvironmentVariablesGroup.Name)]
public sealed class GeminiOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ValidateOptionsResult Validate(Action<GeminiImageClientOptions> configure)
    {
        var options = GeminiTestClients.Options(configure);
        return new GeminiImageClientOptionsValidator().Validate("google", options);
    }

    [Fact]
    public void The_defaults_are_googles_api_with_the_key_header_and_nano_banana()
    {
        var options = new GeminiImageClientOptions();

        Assert.Equal(new Uri("https://generativelanguage.googleapis.com/"), options.BaseAddress);
        Assert.Equal("v1beta", options.ApiVersion);
        Assert.Equal(GeminiAuthScheme.GoogleApiKey, options.AuthScheme);
        Assert.Equal("gemini-2.5-flash-image", options.DefaultModel);
        Assert.Equal(20L * 1024 * 1024, options.InlineReferenceLimitBytes);
    }

    [Fact]
    public void A_missing_key_names_the_setting_and_the_environment_variable()
    {
        using var scope = new EnvironmentVariableScope(("GEMINI_API_KEY", null), ("GOOGLE_API_KEY", null));

        var result = Validate(o => o.ApiKey = null);

        Assert.True(result.Failed);
        Assert.Contains("NanoBanana:Gemini:ApiKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("GEMINI_API_KEY", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'google'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RequestTimeout")]
    [InlineData("StreamIdleTimeout")]
    [InlineData("ReadTimeout")]
    [InlineData("UploadTimeout")]
    public void A_non_positive_budget_is_named(string setting)
    {
        var result = Validate(o => typeof(GeminiImageClientOptions).GetProperty(setting)!.SetValue(o, TimeSpan.Zero));

        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_bad_settings_are_each_named()
    {
        var result = Validate(o =>
        {
            o.BaseAddress = new Uri("ftp://files.example.com/");
            o.ApiVersion = "v1beta/models";
            o.DefaultModel = " ";
            o.InlineReferenceLimitBytes = 0;
            o.AuthScheme = (GeminiAuthScheme)7;
        });

        foreach (var setting in new[] { "BaseAddress", "ApiVersion", "DefaultModel", "InlineReferenceLimitBytes", "AuthScheme" })
        {
            Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invalid_options_are_an_argument_exception_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new GeminiImageClient(GeminiTestClients.Options(o => o.RequestTimeout = TimeSpan.Zero)));
    }

    [Fact]
    public void The_key_comes_from_gemini_api_key_before_google_api_key()
    {
        using var scope = new EnvironmentVariableScope(("GEMINI_API_KEY", "gemini-env"), ("GOOGLE_API_KEY", "google-env"));

        Assert.Equal("gemini-env", new GeminiImageClientOptions().ResolveApiKey());
        using var onlyGoogle = new EnvironmentVariableScope(("GEMINI_API_KEY", null));
        Assert.Equal("google-env", new GeminiImageClientOptions().ResolveApiKey());
        Assert.Equal("explicit", new GeminiImageClientOptions { ApiKey = "explicit" }.ResolveApiKey());
    }

    [Fact]
    public void To_string_masks_the_key()
    {
        var text = GeminiTestClients.Options().ToString();

        Assert.DoesNotContain(GeminiTestClients.ApiKey, text, StringComparison.Ordinal);
        Assert.Contains("AIz***", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_at_send_time_nothing_is_sent()
    {
        using var scope = new EnvironmentVariableScope(("GEMINI_API_KEY", null), ("GOOGLE_API_KEY", null));
        var time = new ManualTimeProvider();
        var stub = new StubHandler(time).OnGenerate(Reply.Json(SyncResponse()));
        var options = GeminiTestClients.Options();
        using var client = new GeminiImageClient(new HttpClient(stub), options, time);
        options.ApiKey = null;

        await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.GenerateAsync(GeminiTestClients.Request(), Ct));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void Add_gemini_registers_the_client_as_gemini_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NanoBanana:Gemini:ApiKey"] = "gw-key",
            ["NanoBanana:Gemini:BaseAddress"] = "https://127.0.0.1:7443/",
            ["NanoBanana:Gemini:AuthScheme"] = "Bearer",
            ["NanoBanana:Gemini:DefaultModel"] = "nano-banana-pro",
        }).Build();
        var services = new ServiceCollection();
        services.AddNanoBanana().AddGemini(configuration.GetSection("NanoBanana:Gemini"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var client = provider.GetRequiredKeyedService<IImageGenerationClient>("gemini");
        var options = provider.GetRequiredService<IOptionsMonitor<GeminiImageClientOptions>>().Get("gemini");

        Assert.IsType<GeminiImageClient>(client);
        Assert.Same(client, provider.GetRequiredService<GeminiImageClient>());
        Assert.Equal(GeminiAuthScheme.Bearer, options.AuthScheme);
        Assert.Equal("nano-banana-pro", options.DefaultModel);
    }

    [Fact]
    public void A_named_gemini_registration_sits_beside_the_default_one()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana()
            .AddGemini(o => o.ApiKey = "google-key")
            .AddGemini("dreamto", o =>
            {
                o.ApiKey = "gw-key";
                o.AuthScheme = GeminiAuthScheme.Bearer;
                o.BaseAddress = new Uri("https://127.0.0.1:7443/");
            });
        using var provider = services.BuildServiceProvider();

        Assert.NotSame(provider.GetRequiredKeyedService<IImageGenerationClient>("gemini"), provider.GetRequiredKeyedService<IImageGenerationClient>("dreamto"));
    }
}
