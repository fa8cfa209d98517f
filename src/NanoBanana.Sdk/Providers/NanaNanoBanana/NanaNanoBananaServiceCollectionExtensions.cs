using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="NanaNanoBananaImageClient"/>.</summary>
public static class NanaNanoBananaServiceCollectionExtensions
{
    /// <summary>The registration name used when none is given.</summary>
    public const string DefaultName = "nananobanana";

    /// <summary>Adds the nananobanana.com provider as <c>nananobanana</c>, bound from a configuration section such as <c>NanoBanana:NanaNanoBanana</c>.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configuration">The section holding <see cref="NanaNanoBananaImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddNanaNanoBanana(this NanoBananaBuilder builder, IConfiguration configuration) =>
        builder.AddNanaNanoBanana(DefaultName, configuration);

    /// <summary>Adds the nananobanana.com provider as <c>nananobanana</c>, configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddNanaNanoBanana(this NanoBananaBuilder builder, Action<NanaNanoBananaImageClientOptions> configure) =>
        builder.AddNanaNanoBanana(DefaultName, configure);

    /// <summary>Adds a named nananobanana.com provider bound from a configuration section.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configuration">The section holding <see cref="NanaNanoBananaImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddNanaNanoBanana(this NanoBananaBuilder builder, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return builder.AddNanaNanoBanana(name, options => options
            .Bind(configuration)
            .Configure(o => o.ConfigurationPath = (configuration as IConfigurationSection)?.Path));
    }

    /// <summary>Adds a named nananobanana.com provider configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddNanaNanoBanana(this NanoBananaBuilder builder, string name, Action<NanaNanoBananaImageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddNanaNanoBanana(name, options => options.Configure(configure));
    }

    private static NanoBananaProviderBuilder AddNanaNanoBanana(
        this NanoBananaBuilder builder, string name, Action<OptionsBuilder<NanaNanoBananaImageClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider<NanaNanoBananaImageClient, NanaNanoBananaImageClientOptions>(
            name,
            configureOptions,
            new NanaNanoBananaImageClientOptionsValidator(),
            options => options.Resilience,
            services => new NanaNanoBananaImageClient(services.HttpClient, services.Options, services.TimeProvider, services.LoggerFactory));
    }
}
