using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.DreamToJobs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DreamToJobsImageClient"/> and its <see cref="DreamToJobsWebhookParser"/>.</summary>
public static class DreamToJobsServiceCollectionExtensions
{
    /// <summary>The registration name used when none is given.</summary>
    public const string DefaultName = "dreamto-jobs";

    /// <summary>Adds the DreamTo job API as <c>dreamto-jobs</c>, bound from a configuration section such as <c>NanoBanana:DreamToJobs</c>.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configuration">The section holding <see cref="DreamToJobsImageClientOptions"/>; <c>BaseAddress</c> and <c>ApiKey</c> are required.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddDreamToJobs(this NanoBananaBuilder builder, IConfiguration configuration) =>
        builder.AddDreamToJobs(DefaultName, configuration);

    /// <summary>Adds the DreamTo job API as <c>dreamto-jobs</c>, configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="configure">Sets the options; <c>BaseAddress</c> and <c>ApiKey</c> are required.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddDreamToJobs(this NanoBananaBuilder builder, Action<DreamToJobsImageClientOptions> configure) =>
        builder.AddDreamToJobs(DefaultName, configure);

    /// <summary>Adds a named DreamTo job API provider bound from a configuration section.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configuration">The section holding <see cref="DreamToJobsImageClientOptions"/>.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddDreamToJobs(this NanoBananaBuilder builder, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return builder.AddDreamToJobs(name, options => options
            .Bind(configuration)
            .Configure(o => o.ConfigurationPath = (configuration as IConfigurationSection)?.Path));
    }

    /// <summary>Adds a named DreamTo job API provider configured in code.</summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The provider builder.</returns>
    public static NanoBananaProviderBuilder AddDreamToJobs(this NanoBananaBuilder builder, string name, Action<DreamToJobsImageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddDreamToJobs(name, options => options.Configure(configure));
    }

    private static NanoBananaProviderBuilder AddDreamToJobs(
        this NanoBananaBuilder builder, string name, Action<OptionsBuilder<DreamToJobsImageClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider<DreamToJobsImageClient, DreamToJobsImageClientOptions>(
            name,
            configureOptions,
            new DreamToJobsImageClientOptionsValidator(),
            options => options.Resilience,
            services => new DreamToJobsImageClient(services.HttpClient, services.Options, services.TimeProvider, services.LoggerFactory, services.WebhookHub),
            DreamToJobsWebhookParser.Create);
    }
}
