using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.Gemini;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="GeminiImageClient"/>.</summary>
public static class GeminiServiceCollectionExtensions
{
    /// <summary>The registration name used when none is given.</summary>
    public const string DefaultName = "gemini";

    /// <summary>Adds the Gemini provider as <c>gemini</c>, bound from a configuration section such as <c>NanoBanana:Gemini</c>.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configuration">The section holding <see cref="GeminiImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddGemini(this NanoBananaBuilder builder, IConfiguration configuration) =>
        builder.AddGemini(DefaultName, configuration);

    /// <summary>Adds the Gemini provider as <c>gemini</c>, configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddGemini(this NanoBananaBuilder builder, Action<GeminiImageClientOptions> configure) =>
        builder.AddGemini(DefaultName, configure);

    /// <summary>Adds a named Gemini provider (for example a gateway beside Google) bound from a configuration section.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configuration">The section holding <see cref="GeminiImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddGemini(this NanoBananaBuilder builder, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return builder.AddGemini(name, options => options
            .Bind(configuration)
            .Configure(o => o.ConfigurationPath = (configuration as IConfigurationSection)?.Path));
    }

    /// <summary>Adds a named Gemini provider configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddGemini(this NanoBananaBuilder builder, string name, Action<GeminiImageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddGemini(name, options => options.Configure(configure));
    }

    private static NanoBananaProviderBuilder AddGemini(
        this NanoBananaBuilder builder, string name, Action<OptionsBuilder<GeminiImageClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider<GeminiImageClient, GeminiImageClientOptions>(
            name,
            configureOptions,
            new GeminiImageClientOptionsValidator(),
            options => options.Resilience,
            services => new GeminiImageClient(services.HttpClient, services.Options, services.TimeProvider, services.LoggerFactory));
    }
}
