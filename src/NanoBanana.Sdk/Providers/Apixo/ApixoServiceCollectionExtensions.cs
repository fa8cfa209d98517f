using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.Apixo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ApixoImageClient"/> and its <see cref="ApixoWebhookParser"/>.</summary>
public static class ApixoServiceCollectionExtensions
{
    /// <summary>The registration name used when none is given.</summary>
    public const string DefaultName = "apixo";

    /// <summary>Adds the APIXO provider as <c>apixo</c>, bound from a configuration section such as <c>NanoBanana:Apixo</c>.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configuration">The section holding <see cref="ApixoImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddApixo(this NanoBananaBuilder builder, IConfiguration configuration) =>
        builder.AddApixo(DefaultName, configuration);

    /// <summary>Adds the APIXO provider as <c>apixo</c>, configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddApixo(this NanoBananaBuilder builder, Action<ApixoImageClientOptions> configure) =>
        builder.AddApixo(DefaultName, configure);

    /// <summary>Adds a named APIXO provider bound from a configuration section.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configuration">The section holding <see cref="ApixoImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddApixo(this NanoBananaBuilder builder, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return builder.AddApixo(name, options => options
            .Bind(configuration)
            .Configure(o => o.ConfigurationPath = (configuration as IConfigurationSection)?.Path));
    }

    /// <summary>Adds a named APIXO provider configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddApixo(this NanoBananaBuilder builder, string name, Action<ApixoImageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddApixo(name, options => options.Configure(configure));
    }

    private static NanoBananaProviderBuilder AddApixo(
        this NanoBananaBuilder builder, string name, Action<OptionsBuilder<ApixoImageClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider<ApixoImageClient, ApixoImageClientOptions>(
            name,
            configureOptions,
            new ApixoImageClientOptionsValidator(),
            options => options.Resilience,
            services => new ApixoImageClient(services.HttpClient, services.Options, services.TimeProvider, services.LoggerFactory, services.WebhookHub),
            services => new ApixoWebhookParser(services.Options, services.TimeProvider, services.HttpClient, services.LoggerFactory));
    }
}
