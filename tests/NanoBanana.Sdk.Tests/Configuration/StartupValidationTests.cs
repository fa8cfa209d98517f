using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Tests.Configuration;

/// <summary>A bad setting in configuration fails the host start, and the message names the setting by its configuration key.</summary>
public sealed class StartupValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A bad value per kind of check, for every provider that has the setting.</summary>
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "NanaNanoBanana", "BaseAddress", "ftp://127.0.0.1/api/v1/" },
        { "Gemini", "BaseAddress", "ftp://127.0.0.1/" },
        { "DreamToJobs", "BaseAddress", "ftp://127.0.0.1/" },
        { "AceData", "BaseAddress", "ftp://127.0.0.1/" },
        { "Apixo", "BaseAddress", "ftp://127.0.0.1/" },
        { "BananaPro", "BaseAddress", "ftp://127.0.0.1/" },
        { "NanaNanoBanana", "DownloadTimeout", "00:00:00" },
        { "Gemini", "StreamIdleTimeout", "00:00:00" },
        { "DreamToJobs", "UploadTimeout", "-00:00:01" },
        { "AceData", "SyncTimeout", "00:00:00" },
        { "Apixo", "SubmitTimeout", "-00:00:01" },
        { "BananaPro", "ReadTimeout", "00:00:00" },
        { "NanaNanoBanana", "Resilience:MaxRetryAttempts", "-1" },
        { "Gemini", "Resilience:MaxRetryAttempts", "-1" },
        { "DreamToJobs", "Resilience:MaxRetryAttempts", "-1" },
        { "AceData", "Resilience:MaxRetryAttempts", "-1" },
        { "Apixo", "Resilience:MaxRetryAttempts", "-1" },
        { "BananaPro", "Resilience:MaxRetryAttempts", "-1" },
        { "NanaNanoBanana", "Resilience:BaseDelay", "-00:00:01" },
        { "Gemini", "Resilience:MaxDelay", "00:00:00.5" },
        { "AceData", "Resilience:ReadAttemptTimeout", "00:00:00" },
        { "NanaNanoBanana", "PollingStrategy:Interval", "-00:00:01" },
        { "DreamToJobs", "PollingStrategy:InitialDelay", "-00:00:01" },
        { "AceData", "PollingStrategy:BackoffMultiplier", "0.5" },
        { "Apixo", "PollingStrategy:JitterFraction", "1.5" },
        { "BananaPro", "PollingStrategy:MaxWait", "00:00:00" },
        { "NanaNanoBanana", "PollingStrategy:MaxPolls", "0" },
        { "Apixo", "PollingStrategy:MaxInterval", "-00:00:01" },
        { "DreamToJobs", "Webhooks:MaxBodyBytes", "0" },
        { "AceData", "Webhooks:MaxBodyBytes", "0" },
        { "Apixo", "Webhooks:MaxBodyBytes", "-1" },
        { "BananaPro", "Webhooks:MaxBodyBytes", "0" },
        { "BananaPro", "Webhooks:TimestampTolerance", "00:00:00" },
        { "BananaPro", "StatusPathTemplate", "/api/v1/images" },
        { "BananaPro", "DefaultModel", " " },
        { "DreamToJobs", "DefaultModel", " " },
        { "Gemini", "DefaultModel", " " },
        { "Gemini", "ApiVersion", "v1/beta" },
        { "Gemini", "InlineReferenceLimitBytes", "0" },
        { "Apixo", "DefaultModel", "nano banana" },
        { "Apixo", "RoutingStrategy", "fastest" },
    };

    private static async Task<Exception> StartFails(ProviderSection provider, string sectionPath, string name, IDictionary<string, string> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"{sectionPath}:{s.Key}", s.Value)));
        provider.Add(builder.Services.AddNanoBanana(), name, builder.Configuration.GetSection(sectionPath));
        using var host = builder.Build();
        return await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(Ct));
    }

    private static Dictionary<string, string> Valid(ProviderSection provider) => new(provider.Required) { ["ApiKey"] = "configured-key" };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_fails_the_host_start_naming_its_configuration_key(string section, string key, string value)
    {
        var provider = ProviderSections.Get(section);
        var settings = Valid(provider);
        settings[key] = value;

        var e = await StartFails(provider, provider.Path, provider.RegistrationName, settings);

        var validation = Assert.IsType<OptionsValidationException>(e);
        Assert.Contains($"{provider.Path}:{key}", validation.Message, StringComparison.Ordinal);
        Assert.Equal(provider.RegistrationName, validation.OptionsName);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public async Task A_section_bound_from_another_path_is_named_by_that_path_and_the_registration(string section)
    {
        var provider = ProviderSections.Get(section);
        var settings = Valid(provider);
        settings["BaseAddress"] = "ftp://127.0.0.1/";

        var e = await StartFails(provider, $"Tenants:Europe:{section}", "europe", settings);

        var message = Assert.IsType<OptionsValidationException>(e).Message;
        Assert.Contains($"Tenants:Europe:{section}:BaseAddress", message, StringComparison.Ordinal);
        Assert.Contains("'europe'", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public async Task A_value_that_does_not_convert_fails_the_host_start_naming_its_key(string section)
    {
        var provider = ProviderSections.Get(section);
        var settings = Valid(provider);
        settings["ReadTimeout"] = "soon";

        var e = await StartFails(provider, provider.Path, provider.RegistrationName, settings);

        Assert.Contains($"{provider.Path}:ReadTimeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_gemini_auth_scheme_fails_the_host_start_naming_the_key()
    {
        var provider = ProviderSections.Get("Gemini");
        var settings = Valid(provider);
        settings["AuthScheme"] = "Basic";

        var e = await StartFails(provider, provider.Path, provider.RegistrationName, settings);

        Assert.Contains("NanoBanana:Gemini:AuthScheme", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dreamto_jobs_without_a_base_address_fails_the_host_start_naming_the_key()
    {
        var provider = ProviderSections.Get("DreamToJobs");

        var e = await StartFails(provider, provider.Path, provider.RegistrationName, new Dictionary<string, string> { ["ApiKey"] = "configured-key" });

        Assert.Contains("NanoBanana:DreamToJobs:BaseAddress is not set", Assert.IsType<OptionsValidationException>(e).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public async Task A_request_limit_below_one_fails_the_host_start_naming_the_setting(string section)
    {
        var provider = ProviderSections.Get(section);
        var settings = Valid(provider);
        settings["Resilience:MaxConcurrentRequests"] = "0";

        var e = await StartFails(provider, provider.Path, provider.RegistrationName, settings);

        Assert.Contains("Resilience:MaxConcurrentRequests", Assert.IsType<OptionsValidationException>(e).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public async Task Every_setting_of_the_test_section_passes_validation(string section)
    {
        var provider = ProviderSections.Get(section);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(provider.EverySetting.Select(s => KeyValuePair.Create<string, string?>($"{provider.Path}:{s.Key}", s.Value)));
        provider.Add(builder.Services.AddNanoBanana(), provider.RegistrationName, builder.Configuration.GetSection(provider.Path));
        using var host = builder.Build();

        await host.StartAsync(Ct);
        var client = host.Services.GetRequiredKeyedService<IImageGenerationClient>(provider.RegistrationName);
        await host.StopAsync(Ct);

        Assert.NotNull(client);
    }
}
