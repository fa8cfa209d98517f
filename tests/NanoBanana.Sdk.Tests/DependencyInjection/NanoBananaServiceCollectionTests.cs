using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.DependencyInjection;

/// <summary>
/// <c>AddNanoBanana().AddNanaNanoBanana(...)</c> (DESIGN.md section 10). Every test sets ApiKey explicitly, so none of them
/// depends on the process environment; the environment-variable tests live in <see cref="NanoBananaOptionsValidationTests"/>.
/// </summary>
public sealed class NanoBananaServiceCollectionTests
{
    private static readonly Uri StubBase = new("https://127.0.0.1:7443/api/v1/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Configure(NanaNanoBananaImageClientOptions options, string key = "nb_di_key")
    {
        options.ApiKey = key;
        options.BaseAddress = StubBase;
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void The_default_image_generation_client_is_the_nananobanana_client()
    {
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o)));

        var client = provider.GetRequiredService<IImageGenerationClient>();

        Assert.IsType<NanaNanoBananaImageClient>(client);
        Assert.Equal("NanaNanoBanana", client.ProviderName);
    }

    [Fact]
    public void The_client_is_keyed_by_the_default_name_nananobanana()
    {
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o)));

        var keyed = provider.GetRequiredKeyedService<IImageGenerationClient>("nananobanana");

        Assert.Same(provider.GetRequiredService<IImageGenerationClient>(), keyed);
    }

    [Fact]
    public void From_keyed_services_injects_the_named_client()
    {
        using var provider = Build(s =>
        {
            s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o));
            s.AddSingleton<KeyedConsumer>();
        });

        var consumer = provider.GetRequiredService<KeyedConsumer>();

        Assert.Same(provider.GetRequiredKeyedService<IImageGenerationClient>("nananobanana"), consumer.Client);
    }

    [Fact]
    public void The_typed_client_resolves_and_is_the_same_instance()
    {
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o)));

        var typed = provider.GetRequiredService<NanaNanoBananaImageClient>();

        Assert.Same(provider.GetRequiredService<IImageGenerationClient>(), typed);
        Assert.Same(typed, provider.GetRequiredKeyedService<NanaNanoBananaImageClient>("nananobanana"));
    }

    [Fact]
    public void The_factory_returns_the_client_by_name_and_lists_names()
    {
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o)));
        var factory = provider.GetRequiredService<IImageGenerationClientFactory>();

        var client = factory.GetClient("nananobanana");

        Assert.Same(provider.GetRequiredService<IImageGenerationClient>(), client);
        Assert.Equal(["nananobanana"], factory.Names);
    }

    [Fact]
    public void The_factory_rejects_an_unknown_name_with_a_message_listing_the_registered_ones()
    {
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o)));
        var factory = provider.GetRequiredService<IImageGenerationClientFactory>();

        var e = Assert.Throws<InvalidOperationException>(() => factory.GetClient("gemini"));

        Assert.Contains("'gemini'", e.Message, StringComparison.Ordinal);
        Assert.Contains("nananobanana", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolving_the_default_client_without_any_provider_says_to_add_one()
    {
        using var provider = Build(s => s.AddNanoBanana());

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IImageGenerationClient>());

        Assert.Contains("AddNanaNanoBanana", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_named_registrations_are_distinct_clients_with_their_own_options()
    {
        var stubA = new StubHandler().On(HttpMethod.Get, "/credits", Reply.Json(WireFixtures.Credits));
        var stubB = new StubHandler().On(HttpMethod.Get, "/credits", Reply.Json("""{"data":{"credits":7}}"""));
        using var provider = Build(s => s.AddNanoBanana()
            .AddNanaNanoBanana("first", o => { o.ApiKey = "nb_first"; o.BaseAddress = new Uri("https://127.0.0.1:7443/a/"); })
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stubA)
            .Services.AddNanoBanana()
            .AddNanaNanoBanana("second", o => { o.ApiKey = "nb_second"; o.BaseAddress = new Uri("https://127.0.0.1:7443/b/"); })
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stubB));

        var first = (NanaNanoBananaImageClient)provider.GetRequiredKeyedService<IImageGenerationClient>("first");
        var second = (NanaNanoBananaImageClient)provider.GetRequiredKeyedService<IImageGenerationClient>("second");
        var creditsA = await first.GetCreditsAsync(Ct);
        var creditsB = await second.GetCreditsAsync(Ct);

        Assert.NotSame(first, second);
        Assert.Equal(100m, creditsA.Credits);
        Assert.Equal(7m, creditsB.Credits);
        Assert.Equal("Bearer nb_first", Assert.Single(stubA.Requests).Authorization);
        Assert.Equal("/a/credits", stubA.Requests[0].Uri.AbsolutePath);
        Assert.Equal("Bearer nb_second", Assert.Single(stubB.Requests).Authorization);
        Assert.Equal("/b/credits", stubB.Requests[0].Uri.AbsolutePath);
        var monitor = provider.GetRequiredService<IOptionsMonitor<NanaNanoBananaImageClientOptions>>();
        Assert.Equal("nb_first", monitor.Get("first").ApiKey);
        Assert.Equal("nb_second", monitor.Get("second").ApiKey);
    }

    [Fact]
    public void The_first_registration_is_the_default_unless_set_default_names_another()
    {
        using var provider = Build(s => s.AddNanoBanana()
            .AddNanaNanoBanana("first", o => Configure(o))
            .AddNanaNanoBanana("second", o => Configure(o))
            .SetDefault("second"));

        Assert.Same(
            provider.GetRequiredKeyedService<IImageGenerationClient>("second"),
            provider.GetRequiredService<IImageGenerationClient>());
        Assert.Equal(["first", "second"], provider.GetRequiredService<IImageGenerationClientFactory>().Names);
    }

    [Fact]
    public void A_duplicate_name_is_an_invalid_operation()
    {
        var services = new ServiceCollection();
        var builder = services.AddNanoBanana().AddNanaNanoBanana(o => Configure(o));

        var e = Assert.Throws<InvalidOperationException>(() => builder.AddNanaNanoBanana(o => Configure(o)));

        Assert.Contains("nananobanana", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_name_across_two_add_nano_banana_calls_is_an_invalid_operation()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana().AddNanaNanoBanana("shared", o => Configure(o));

        Assert.Throws<InvalidOperationException>(() => services.AddNanoBanana().AddNanaNanoBanana("shared", o => Configure(o)));
    }

    [Fact]
    public void The_provider_builder_reports_its_name()
    {
        var builder = new ServiceCollection().AddNanoBanana().AddNanaNanoBanana("eu", o => Configure(o));

        Assert.Equal("eu", builder.Name);
    }

    [Fact]
    public async Task The_http_client_comes_from_the_http_client_factory_with_user_handlers()
    {
        var seen = new List<string>();
        var stub = new StubHandler().On(HttpMethod.Get, "/credits", Reply.Json(WireFixtures.Credits));
        using var provider = Build(s =>
        {
            var builder = s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o));
            builder.HttpClientBuilder
                .AddHttpMessageHandler(() => new SpyHandler(seen))
                .ConfigurePrimaryHttpMessageHandler(() => stub);
        });
        var client = provider.GetRequiredService<NanaNanoBananaImageClient>();

        await client.GetCreditsAsync(Ct);

        Assert.Equal(["GET /api/v1/credits"], seen);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task The_registered_pipeline_retries_reads_on_the_registered_time_provider()
    {
        var time = new ManualTimeProvider();
        var stub = new StubHandler(time).On(HttpMethod.Get, "/credits", Reply.Status(HttpStatusCode.ServiceUnavailable), Reply.Json(WireFixtures.Credits));
        using var provider = Build(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o)).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stub);
        });
        var client = provider.GetRequiredService<NanaNanoBananaImageClient>();

        var credits = await time.RunAsync(client.GetCreditsAsync(Ct));

        Assert.Equal(100m, credits.Credits);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task The_registered_pipeline_sends_a_paid_submit_answered_500_only_once()
    {
        var stub = new StubHandler().OnSubmit(Reply.Status(HttpStatusCode.InternalServerError));
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o)).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stub));
        var client = provider.GetRequiredService<IImageGenerationClient>();

        await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public void The_named_http_client_has_no_timeout_of_its_own()
    {
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(o => Configure(o)));

        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(NanoBananaClientRegistry.HttpClientName("nananobanana"));

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    private static NanaNanoBananaImageClientOptions BoundOptions(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(configuration.GetSection("NanoBanana:NanaNanoBanana")));
        return provider.GetRequiredService<IOptionsMonitor<NanaNanoBananaImageClientOptions>>().Get("nananobanana");
    }

    [Fact]
    public void Top_level_options_bind_from_configuration()
    {
        var options = BoundOptions(new()
        {
            ["NanoBanana:NanaNanoBanana:ApiKey"] = "nb_from_config",
            ["NanoBanana:NanaNanoBanana:BaseAddress"] = "https://127.0.0.1:7443/proxy/api/v1/",
            ["NanoBanana:NanaNanoBanana:SyncTimeout"] = "00:02:30",
            ["NanoBanana:NanaNanoBanana:ReadTimeout"] = "00:00:45",
            ["NanoBanana:NanaNanoBanana:DefaultModel"] = "nanobanan-2",
        });

        Assert.Equal("nb_from_config", options.ApiKey);
        Assert.Equal(new Uri("https://127.0.0.1:7443/proxy/api/v1/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(150), options.SyncTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), options.ReadTimeout);
        Assert.Equal("nanobanan-2", options.DefaultModel);
    }

    [Fact]
    public void Nested_polling_strategy_interval_binds_from_configuration()
    {
        var options = BoundOptions(new()
        {
            ["NanoBanana:NanaNanoBanana:ApiKey"] = "nb_from_config",
            ["NanoBanana:NanaNanoBanana:PollingStrategy:Interval"] = "00:00:07",
            ["NanoBanana:NanaNanoBanana:PollingStrategy:MaxPolls"] = "40",
        });

        Assert.Equal(TimeSpan.FromSeconds(7), options.PollingStrategy.Interval);
        Assert.Equal(40, options.PollingStrategy.MaxPolls);
    }

    [Fact]
    public void Nested_resilience_max_retry_attempts_binds_from_configuration()
    {
        var options = BoundOptions(new()
        {
            ["NanoBanana:NanaNanoBanana:ApiKey"] = "nb_from_config",
            ["NanoBanana:NanaNanoBanana:Resilience:MaxRetryAttempts"] = "5",
            ["NanoBanana:NanaNanoBanana:Resilience:BaseDelay"] = "00:00:02",
        });

        Assert.Equal(5, options.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Resilience.BaseDelay);
    }

    [Fact]
    public void Binding_one_nested_setting_keeps_the_other_defaults_of_that_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiKey"] = "nb_from_config",
            ["PollingStrategy:Interval"] = "00:00:07",
        }).Build();
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(configuration));

        var strategy = provider.GetRequiredService<IOptionsMonitor<NanaNanoBananaImageClientOptions>>().Get("nananobanana").PollingStrategy;

        Assert.Equal(TimeSpan.FromSeconds(5), strategy.InitialDelay);
        Assert.Equal(TimeSpan.FromMinutes(10), strategy.MaxWait);
    }

    [Fact]
    public void Binding_does_not_change_the_shared_default_polling_strategy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiKey"] = "nb_from_config",
            ["PollingStrategy:Interval"] = "00:00:09",
        }).Build();
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(configuration));

        _ = provider.GetRequiredService<IOptionsMonitor<NanaNanoBananaImageClientOptions>>().Get("nananobanana");

        Assert.Equal(TimeSpan.FromSeconds(2), PollingStrategy.Default.Interval);
        Assert.Equal(TimeSpan.FromSeconds(3), new NanaNanoBananaImageClientOptions().PollingStrategy.Interval);
    }

    [Fact]
    public async Task A_rotated_key_in_configuration_is_used_without_a_restart()
    {
        var stub = new StubHandler().On(HttpMethod.Get, "/credits", Reply.Json(WireFixtures.Credits));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NanoBanana:NanaNanoBanana:ApiKey"] = "nb_old_key",
            ["NanoBanana:NanaNanoBanana:BaseAddress"] = StubBase.ToString(),
        }).Build();
        using var provider = Build(s => s.AddNanoBanana()
            .AddNanaNanoBanana(configuration.GetSection("NanoBanana:NanaNanoBanana"))
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stub));
        var client = provider.GetRequiredService<NanaNanoBananaImageClient>();

        await client.GetCreditsAsync(Ct);
        configuration["NanoBanana:NanaNanoBanana:ApiKey"] = "nb_new_key";
        configuration.Reload();
        await client.GetCreditsAsync(Ct);

        Assert.Equal(["Bearer nb_old_key", "Bearer nb_new_key"], stub.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_hosted_client_generates_against_the_emulator()
    {
        await using var emulator = await NanoBanana.Sdk.Testing.NanoBananaEmulator.StartAsync(cancellationToken: Ct);
        using var provider = Build(s => s.AddNanoBanana().AddNanaNanoBanana(o =>
        {
            o.ApiKey = emulator.ApiKey;
            o.BaseAddress = emulator.NanaNanoBananaBaseAddress;
        }));
        var client = provider.GetRequiredService<IImageGenerationClient>();

        var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a hosted banana", AspectRatio = AspectRatio.Square }, Ct);

        var bytes = await Assert.Single(result.Images).GetBytesAsync(Ct);
        Assert.Equal((1024, 1024), Png.ReadSize(bytes.Span));
    }

    /// <summary>Takes the named client through <see cref="FromKeyedServicesAttribute"/>.</summary>
    public sealed class KeyedConsumer([FromKeyedServices("nananobanana")] IImageGenerationClient client)
    {
        public IImageGenerationClient Client { get; } = client;
    }

    private sealed class SpyHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
