using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NanoBanana.Sdk.AspNetCore;
using NanoBanana.Sdk.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the app's handlers of verified Nano Banana callbacks.</summary>
public static class NanoBananaWebhookHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Adds a handler that the endpoint mapped by <c>MapNanoBananaWebhooks</c> calls with every verified event, once per
    /// event id. It is resolved per callback from the request's scope, so it may depend on scoped services.
    /// </summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddNanoBananaWebhookHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, IImageGenerationWebhookHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IImageGenerationWebhookHandler, THandler>());
        return services;
    }

    /// <summary>Adds a handler delegate that the endpoint mapped by <c>MapNanoBananaWebhooks</c> calls with every verified event, once per event id.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="handler">Acts on an event; throw to have the vendor deliver it again.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddNanoBananaWebhookHandler(
        this IServiceCollection services, Func<ImageGenerationWebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(handler);
        services.AddSingleton<IImageGenerationWebhookHandler>(new DelegateWebhookHandler(handler));
        return services;
    }
}
