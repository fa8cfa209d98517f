using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Options validation, the key's environment variable, masking and the DI registration. Reads environment variables, so never parallel.</summary>
[Collection(EnvironmentVariablesGroup.Name)]
public sealed class DreamToJobsOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_missing_base_address_is_rejected_saying_there_is_no_default()
    {
        var e = Assert.Throws<ArgumentException>(() => new DreamToJobsImageClient(new DreamToJobsImageClientOptions { ApiKey = "dt_key" }));

        Assert.Contains("BaseAddress is not set", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://backend:8000", e.Message, StringComparison.Ordinal);
        Assert.Contains("NanoBanana:DreamToJobs:BaseAddress", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_address_that_is_not_http_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new DreamToJobsImageClient(
            new DreamToJobsImageClientOptions { ApiKey = "dt_key", BaseAddress = new Uri("ftp://127.0.0.1/") }));

        Assert.Contains("BaseAddress must be an absolute http(s) URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_rejected_naming_the_setting_and_the_environment_variable()
    {
        using var env = new EnvironmentVariableScope(("DREAMTO_API_KEY", null));

        var e = Assert.Throws<ArgumentException>(() => new DreamToJobsImageClient(
            new DreamToJobsImageClientOptions { BaseAddress = DreamToJobsTestClients.BaseAddress }));

        Assert.Contains("ApiKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("DREAMTO_API_KEY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_falls_back_to_the_environment_variable()
    {
        using var env = new EnvironmentVariableScope(("DREAMTO_API_KEY", "dt_from_environment"));
        var stub = new StubHandler().On(HttpMethod.Get, "/v1/jobs/" + DreamToJobsWireFixtures.JobId, Reply.Json(DreamToJobsWireFixtures.Processing));
        using var client = new DreamToJobsImageClient(
            new HttpClient(stub), new DreamToJobsImageClientOptions { BaseAddress = DreamToJobsTestClients.BaseAddress });

        await client.GetJobAsync(DreamToJobsWireFixtures.JobId, Ct);

        Assert.Equal("Bearer dt_from_environment", Assert.Single(stub.Requests).Authorization);
    }

    [Fact]
    public void To_string_masks_the_key_and_counts_the_secrets()
    {
        var text = DreamToJobsTestClients.Options().ToString();

        Assert.DoesNotContain(DreamToJobsTestClients.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(DreamToJobsTestClients.WebhookSecret, text, StringComparison.Ordinal);
        Assert.Contains("Secrets = 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_without_a_base_address_fails_to_start_naming_the_registration()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNanoBanana().AddDreamToJobs(o => o.ApiKey = "dt_key");
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Equal("dreamto-jobs", e.OptionsName);
        Assert.Contains("BaseAddress", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_binds_the_base_address_key_and_webhook_secrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NanoBanana:DreamToJobs:BaseAddress"] = "https://api.dreamto.example/",
            ["NanoBanana:DreamToJobs:ApiKey"] = "dt_configured",
            ["NanoBanana:DreamToJobs:Webhooks:Secrets:0"] = "whsec_one",
        }).Build();
        var services = new ServiceCollection();
        services.AddNanoBanana().AddDreamToJobs(configuration.GetSection("NanoBanana:DreamToJobs"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<DreamToJobsImageClientOptions>>().Get("dreamto-jobs");

        Assert.Equal(new Uri("https://api.dreamto.example/"), options.BaseAddress);
        Assert.Equal("dt_configured", options.ApiKey);
        Assert.Equal(["whsec_one"], options.Webhooks.Secrets);
    }

    [Fact]
    public void The_registration_exposes_the_client_by_name_and_type_and_its_webhook_parser()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana().AddDreamToJobs(o =>
        {
            o.BaseAddress = DreamToJobsTestClients.BaseAddress;
            o.ApiKey = "dt_key";
        });
        using var provider = services.BuildServiceProvider();

        var byName = provider.GetRequiredService<IImageGenerationClientFactory>().GetClient("dreamto-jobs");
        Assert.IsType<DreamToJobsImageClient>(byName);
        Assert.Same(byName, provider.GetRequiredService<DreamToJobsImageClient>());
        Assert.Same(byName, provider.GetRequiredService<IImageGenerationClient>());
        var parser = provider.GetRequiredKeyedService<IImageGenerationWebhookParser>("dreamto-jobs");
        Assert.Equal(DreamToJobsImageClient.ProviderId, parser.ProviderName);
    }
}
