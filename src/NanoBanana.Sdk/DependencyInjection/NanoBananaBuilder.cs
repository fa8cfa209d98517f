using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Telemetry;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.DependencyInjection;

/// <summary>Registers providers; returned by <c>AddNanoBanana()</c>. Each <c>AddX</c> call adds one named provider.</summary>
public class NanoBananaBuilder
{
    internal NanoBananaBuilder(IServiceCollection services, NanoBananaClientRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    internal NanoBananaClientRegistry Registry { get; }

    /// <summary>Makes the named provider the one resolved as the plain <see cref="IImageGenerationClient"/>.</summary>
    /// <param name="name">A name registered with an <c>AddX</c> call (checked when the client is resolved).</param>
    /// <returns>This builder.</returns>
    public NanoBananaBuilder SetDefault(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Registry.DefaultName = name;
        return this;
    }

    /// <summary>
    /// The shared part of every <c>AddX</c>: validated named options, a named <see cref="HttpClient"/> from
    /// <see cref="IHttpClientFactory"/> with the resilience handler (whose limits live in <see cref="RequestLimiterRegistry"/>, one per
    /// registration, across handler rotations), a telemetry handler inside it (one span per attempt) and no timeout of its own, and the client registered
    /// keyed by name as its own type and as <see cref="IImageGenerationClient"/>, and its webhook parser (if it has one)
    /// keyed by name as <see cref="IImageGenerationWebhookParser"/>.
    /// </summary>
    internal NanoBananaProviderBuilder AddProvider<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string name,
        Action<OptionsBuilder<TOptions>> configureOptions,
        IValidateOptions<TOptions> validator,
        Func<TOptions, NanoBananaResilienceOptions> resilience,
        Func<ProviderServices<TOptions>, TClient> create,
        Func<ProviderServices<TOptions>, IImageGenerationWebhookParser>? createWebhookParser = null)
        where TClient : class, IImageGenerationClient
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Registry.Add(name);

        var options = Services.AddOptions<TOptions>(name);
        configureOptions(options);
        options.ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
        Services.AddSingleton<IValidateOptions<TOptions>>(new ResilienceLimitsValidator<TOptions>(name, resilience));
        Services.TryAddSingleton(sp => new RequestLimiterRegistry(sp));

        var httpClientName = NanoBananaClientRegistry.HttpClientName(name);
        var http = Services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(OwnedHttpClient.PrimaryHandler)
            .AddHttpMessageHandler(sp =>
            {
                var settings = resilience(sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name));
                return new NanoBananaResilienceHandler(
                    settings,
                    sp.GetService<TimeProvider>() ?? TimeProvider.System,
                    sp.GetService<ILoggerFactory>()?.CreateLogger<NanoBananaResilienceHandler>(),
                    sp.GetRequiredService<RequestLimiterRegistry>().Get(name, settings));
            })
            // Added after the resilience handler, so it sits inside it and every retry is a span of its own.
            .AddHttpMessageHandler(() => new HttpAttemptTelemetryHandler());

        Services.AddKeyedSingleton(name, (sp, _) => create(ProviderServicesFor<TOptions>(sp, name, httpClientName)));
        if (createWebhookParser is not null)
        {
            Services.AddKeyedSingleton(name, (sp, _) => createWebhookParser(ProviderServicesFor<TOptions>(sp, name, httpClientName)));
        }

        Services.AddKeyedSingleton<IImageGenerationClient>(name, (sp, key) => sp.GetRequiredKeyedService<TClient>(key));
        Services.TryAddSingleton(sp => sp.GetRequiredKeyedService<TClient>(name));

        return new NanoBananaProviderBuilder(Services, Registry, name, http);
    }

    private static ProviderServices<TOptions> ProviderServicesFor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceProvider services, string name, string httpClientName)
        where TOptions : class
    {
        var factory = services.GetRequiredService<IHttpClientFactory>();
        var monitor = services.GetRequiredService<IOptionsMonitor<TOptions>>();
        return new ProviderServices<TOptions>(
            () => factory.CreateClient(httpClientName),
            () => monitor.Get(name),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<ILoggerFactory>(),
            services.GetRequiredService<ImageGenerationWebhookHub>());
    }
}
