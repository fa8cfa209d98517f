using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Limits;

/// <summary>The limits each provider starts with: the vendor's documented ones where it documents them, none otherwise.</summary>
public sealed class VendorLimitDefaultsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("BananaPro", 5, 60)]
    [InlineData("Apixo", 1000, 10_000)]
    [InlineData("NanaNanoBanana", null, null)]
    [InlineData("AceData", null, null)]
    [InlineData("Gemini", null, null)]
    [InlineData("DreamToJobs", null, null)]
    public void A_provider_starts_with_its_vendors_documented_limits(string provider, int? concurrent, int? perMinute)
    {
        var resilience = provider switch
        {
            "BananaPro" => new BananaProImageClientOptions().Resilience,
            "Apixo" => new ApixoImageClientOptions().Resilience,
            "NanaNanoBanana" => new NanaNanoBananaImageClientOptions().Resilience,
            "AceData" => new AceDataImageClientOptions().Resilience,
            "Gemini" => new GeminiImageClientOptions().Resilience,
            _ => new DreamToJobsImageClientOptions().Resilience,
        };

        Assert.Equal(concurrent, resilience.MaxConcurrentRequests);
        Assert.Equal(perMinute, resilience.RequestsPerMinute);
        Assert.Null(resilience.MaxQueuedRequests);
    }

    [Fact]
    public void Configuration_that_sets_one_limit_keeps_the_vendors_other_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ApiKey"] = "bp_limits_key", ["Resilience:RequestsPerMinute"] = "120" })
            .Build();
        var services = new ServiceCollection();
        services.AddNanoBanana().AddBananaPro(configuration);
        using var provider = services.BuildServiceProvider();

        var resilience = provider.GetRequiredService<IOptionsMonitor<BananaProImageClientOptions>>().Get("bananapro").Resilience;

        Assert.Equal(120, resilience.RequestsPerMinute);
        Assert.Equal(5, resilience.MaxConcurrentRequests);
    }

    [Fact]
    public async Task A_client_built_without_di_enforces_the_limits_of_its_options()
    {
        _emulator.Scenario.Latency = TimeSpan.FromSeconds(5);
        using var client = new NanaNanoBananaImageClient(new NanaNanoBananaImageClientOptions
        {
            ApiKey = _emulator.ApiKey,
            BaseAddress = _emulator.NanaNanoBananaBaseAddress,
            Resilience = new NanoBananaResilienceOptions { MaxConcurrentRequests = 1, MaxQueuedRequests = 0, MaxRetryAttempts = 0 },
        });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var inFlight = client.GenerateAsync(TestClients.Request(), cancel.Token);
        using (var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            guard.CancelAfter(TimeSpan.FromSeconds(10));
            while (_emulator.Requests.Count == 0)
            {
                await Task.Delay(1, guard.Token);
            }
        }

        await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Single(_emulator.Requests);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight);
    }
}
