using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Limits;

/// <summary>
/// Limits per DI registration: one count per registration that survives <see cref="IHttpClientFactory"/>'s handler
/// rotation, separate counts for separate registrations, and limits checked when the options are validated.
/// </summary>
public sealed class RequestLimitRegistrationTests
{
    private static readonly Uri StubBase = new("https://127.0.0.1:7443/api/v1/");
    private static readonly TimeSpan RealTimeGuard = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NanoBananaResilienceOptions OneAtATime => new() { MaxConcurrentRequests = 1, MaxQueuedRequests = 0, MaxRetryAttempts = 0 };

    private static ServiceProvider Build(StubHandler stub, params string[] names)
    {
        var services = new ServiceCollection();
        var builder = services.AddNanoBanana();
        foreach (var name in names)
        {
            builder.AddNanaNanoBanana(name, o =>
            {
                o.ApiKey = "nb_limits_key";
                o.BaseAddress = StubBase;
                o.Resilience = OneAtATime;
            }).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stub);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Builds the registration's handler chain the way <see cref="IHttpClientFactory"/> does at each rotation.</summary>
    private static HttpMessageInvoker NewChain(IServiceProvider provider, string name, StubHandler stub)
    {
        var httpClientName = NanoBananaClientRegistry.HttpClientName(name);
        var factoryOptions = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(httpClientName);
        var builder = provider.GetRequiredService<HttpMessageHandlerBuilder>();
        builder.Name = httpClientName;
        foreach (var configure in factoryOptions.HttpMessageHandlerBuilderActions)
        {
            configure(builder);
        }

        builder.PrimaryHandler = stub;
        return new HttpMessageInvoker(builder.Build(), disposeHandler: false);
    }

    private static HttpRequestMessage Poll() => new(HttpMethod.Get, new Uri(StubBase, "generate?id=1"));

    private static StubHandler Hanging() => new StubHandler().OnAsync(HttpMethod.Get, "/generate", Reply.Hang());

    [Fact]
    public async Task A_new_handler_chain_of_a_registration_counts_against_the_same_limits()
    {
        var stub = Hanging();
        using var provider = Build(stub, "nb");
        using var before = NewChain(provider, "nb", stub);
        using var after = NewChain(provider, "nb", stub);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var inFlight = before.SendAsync(Poll(), cancel.Token);
        await WaitForRequests(stub, 1);

        await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => after.SendAsync(Poll(), Ct));

        Assert.Single(stub.Requests);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight);
    }

    [Fact]
    public async Task Two_registrations_of_one_provider_count_separately()
    {
        var stub = Hanging();
        using var provider = Build(stub, "first", "second");
        using var first = NewChain(provider, "first", stub);
        using var second = NewChain(provider, "second", stub);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var calls = new[] { first.SendAsync(Poll(), cancel.Token), second.SendAsync(Poll(), cancel.Token) };
        await WaitForRequests(stub, 2);

        await cancel.CancelAsync();
        foreach (var call in calls)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }
    }

    [Fact]
    public async Task A_call_refused_by_a_registered_client_names_its_provider_and_is_not_sent()
    {
        var stub = new StubHandler().OnAsync(HttpMethod.Post, "/generate", Reply.Hang());
        using var provider = Build(stub, "nb");
        var client = provider.GetRequiredKeyedService<IImageGenerationClient>("nb");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var inFlight = client.GenerateAsync(TestClients.Request(), cancel.Token);
        await WaitForRequests(stub, 1);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal("NanaNanoBanana", e.Provider);
        Assert.Equal(RequestLimiter.RejectedCode, e.ErrorCode);
        Assert.StartsWith("NanaNanoBanana did not send the call", e.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight);
    }

    [Fact]
    public void A_limit_out_of_range_fails_when_the_options_are_validated()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana().AddNanaNanoBanana("nb", o =>
        {
            o.ApiKey = "nb_limits_key";
            o.Resilience = new NanoBananaResilienceOptions { RequestsPerMinute = 0 };
        });
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<NanaNanoBananaImageClientOptions>>().Get("nb"));

        Assert.Contains("'nb': Resilience:RequestsPerMinute must be at least 1", e.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForRequests(StubHandler stub, int count)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(RealTimeGuard);
        while (stub.Requests.Count < count)
        {
            await Task.Delay(1, guard.Token);
        }
    }
}
