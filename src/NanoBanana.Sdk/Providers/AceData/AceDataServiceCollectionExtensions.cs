using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.AceData;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="AceDataImageClient"/> and its <see cref="AceDataWebhookParser"/>.</summary>
public static class AceDataServiceCollectionExtensions
{
    /// <summary>The registration name used when none is given.</summary>
    public const string DefaultName = "acedata";

    /// <summary>Adds the Ace Data provider as <c>acedata</c>, bound from a configuration section such as <c>NanoBanana:AceData</c>.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configuration">The section holding <see cref="AceDataImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddAceData(this NanoBananaBuilder builder, IConfiguration configuration) =>
        builder.AddAceData(DefaultName, configuration);

    /// <summary>Adds the Ace Data provider as <c>acedata</c>, configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddAceData(this NanoBananaBuilder builder, Action<AceDataImageClientOptions> configure) =>
        builder.AddAceData(DefaultName, configure);

    /// <summary>Adds a named Ace Data provider bound from a configuration section.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configuration">The section holding <see cref="AceDataImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddAceData(this NanoBananaBuilder builder, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return builder.AddAceData(name, options => options
            .Bind(configuration)
            .Configure(o => o.ConfigurationPath = (configuration as IConfigurationSection)?.Path));
    }

    /// <summary>Adds a named Ace Data provider configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddAceData(this NanoBananaBuilder builder, string name, Action<AceDataImageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddAceData(name, options => options.Configure(configure));
    }

    private static NanoBananaProviderBuilder AddAceData(
        this NanoBananaBuilder builder, string name, Action<OptionsBuilder<AceDataImageClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider<AceDataImageClient, AceDataImageClientOptions>(
            name,
            configureOptions,
            new AceDataImageClientOptionsValidator(),
            options => options.Resilience,
            services => new AceDataImageClient(services.HttpClient, services.Options, services.TimeProvider, services.LoggerFactory, services.WebhookHub),
            services => new AceDataWebhookParser(() => services.Options().Webhooks));
    }
}
