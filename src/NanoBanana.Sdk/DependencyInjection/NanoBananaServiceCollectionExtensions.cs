using Microsoft.Extensions.DependencyInjection.Extensions;
using NanoBanana.Sdk;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the NanoBanana SDK to a service collection.</summary>
public static class NanoBananaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK's shared services (<see cref="TimeProvider"/>, <see cref="IImageGenerationClientFactory"/>, the default
    /// <see cref="IImageGenerationClient"/>, the <see cref="ImageGenerationWebhookHub"/>) and returns the builder on which providers are added. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder.</returns>
    public static NanoBananaBuilder AddNanoBanana(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(NanoBananaClientRegistry))?.ImplementationInstance as NanoBananaClientRegistry;
        if (registry is null)
        {
            registry = new NanoBananaClientRegistry();
            services.AddSingleton(registry);
        }

        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ImageGenerationWebhookHub>();
        services.TryAddSingleton<ImageGenerationClientFactory>();
        services.TryAddSingleton<IImageGenerationClientFactory>(sp => sp.GetRequiredService<ImageGenerationClientFactory>());
        services.TryAddSingleton(sp => sp.GetRequiredService<ImageGenerationClientFactory>().GetDefault());
        return new NanoBananaBuilder(services, registry);
    }
}
