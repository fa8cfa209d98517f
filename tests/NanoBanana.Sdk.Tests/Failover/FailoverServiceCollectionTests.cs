using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Failover;

/// <summary><c>AddFailover(name, providers…)</c>: a keyed client over registered providers, resolvable like any provider.</summary>
public sealed class FailoverServiceCollectionTests
{
    private static readonly Uri Loopback = new("https://127.0.0.1:7443/");

    private static NanoBananaProviderBuilder Providers(IServiceCollection services) => services.AddNanoBanana()
        .AddNanaNanoBanana(o => (o.ApiKey, o.BaseAddress) = ("nb_di_key", Loopback))
        .AddGemini(o => (o.ApiKey, o.BaseAddress) = ("gemini_di_key", Loopback));

    [Fact]
    public void The_failover_is_a_keyed_client_over_the_named_providers_in_order()
    {
        var services = new ServiceCollection();
        Providers(services).AddFailover("images", "gemini", "nananobanana");
        using var container = services.BuildServiceProvider();

        var client = Assert.IsType<FailoverImageGenerationClient>(container.GetRequiredKeyedService<IImageGenerationClient>("images"));

        Assert.Collection(
            client.Clients,
            c => Assert.IsType<GeminiImageClient>(c),
            c => Assert.IsType<NanaNanoBananaImageClient>(c));
        Assert.Same(client, container.GetRequiredService<IImageGenerationClientFactory>().GetClient("images"));
    }

    [Fact]
    public void Set_default_makes_the_failover_the_plain_client()
    {
        var services = new ServiceCollection();
        Providers(services).AddFailover("images", "nananobanana", "gemini").SetDefault("images");
        using var container = services.BuildServiceProvider();

        Assert.IsType<FailoverImageGenerationClient>(container.GetRequiredService<IImageGenerationClient>());
    }

    [Fact]
    public void A_provider_registered_after_the_failover_is_found()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana()
            .AddNanaNanoBanana(o => (o.ApiKey, o.BaseAddress) = ("nb_di_key", Loopback))
            .AddFailover("images", "nananobanana", "gemini")
            .AddGemini(o => (o.ApiKey, o.BaseAddress) = ("gemini_di_key", Loopback));
        using var container = services.BuildServiceProvider();

        var client = Assert.IsType<FailoverImageGenerationClient>(container.GetRequiredKeyedService<IImageGenerationClient>("images"));

        Assert.Equal(2, client.Clients.Count);
    }

    [Fact]
    public void An_unregistered_provider_name_fails_when_the_failover_is_resolved()
    {
        var services = new ServiceCollection();
        Providers(services).AddFailover("images", "nananobanana", "apixo");
        using var container = services.BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => container.GetRequiredKeyedService<IImageGenerationClient>("images"));

        Assert.Contains("apixo", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images", new[] { "nananobanana", "images" })]
    [InlineData("images", new string[0])]
    [InlineData("images", new[] { "nananobanana", " " })]
    public void A_failover_that_names_itself_nothing_or_a_blank_is_rejected(string name, string[] providers) =>
        Assert.Throws<ArgumentException>(() => Providers(new ServiceCollection()).AddFailover(name, providers));

    [Fact]
    public void A_failover_name_already_taken_is_rejected() =>
        Assert.Throws<InvalidOperationException>(() => Providers(new ServiceCollection()).AddFailover("gemini", "nananobanana"));
}
