using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.BananaPro;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="BananaProImageClient"/> and its <see cref="BananaProWebhookParser"/>.</summary>
public static class BananaProServiceCollectionExtensions
{
    /// <summary>The registration name used when none is given.</summary>
    public const string DefaultName = "bananapro";

    /// <summary>Adds the BananaPro provider as <c>bananapro</c>, bound from a configuration section such as <c>NanoBanana:BananaPro</c>.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configuration">The section holding <see cref="BananaProImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddBananaPro(this NanoBananaBuilder builder, IConfiguration configuration) =>
        builder.AddBananaPro(DefaultName, configuration);

    /// <summary>Adds the BananaPro provider as <c>bananapro</c>, configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddBananaPro(this NanoBananaBuilder builder, Action<BananaProImageClientOptions> configure) =>
        builder.AddBananaPro(DefaultName, configure);

    /// <summary>Adds a named BananaPro provider bound from a configuration section.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configuration">The section holding <see cref="BananaProImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddBananaPro(this NanoBananaBuilder builder, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return builder.AddBananaPro(name, options => options
            .Bind(configuration)
            .Configure(o => o.ConfigurationPath = (configuration as IConfigurationSection)?.Path));
    }

    /// <summary>Adds a named BananaPro provider configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddBananaPro(this NanoBananaBuilder builder, string name, Action<BananaProImageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddBananaPro(name, options => options.Configure(configure));
    }

    private static NanoBananaProviderBuilder AddBananaPro(
        this NanoBananaBuilder builder, string name, Action<OptionsBuilder<BananaProImageClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider<BananaProImageClient, BananaProImageClientOptions>(
            name,
            configureOptions,
            new BananaProImageClientOptionsValidator(),
            options => options.Resilience,
            services => new BananaProImageClient(services.HttpClient, services.Options, services.TimeProvider, services.LoggerFactory, services.WebhookHub),
            services => new BananaProWebhookParser(services.Options, services.TimeProvider, services.HttpClient, services.LoggerFactory));
    }
}
