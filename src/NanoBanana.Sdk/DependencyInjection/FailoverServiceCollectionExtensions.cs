using Microsoft.Extensions.Logging;
using NanoBanana.Sdk;
using NanoBanana.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="FailoverImageGenerationClient"/> over providers registered by name.</summary>
public static class FailoverServiceCollectionExtensions
{
    /// <summary>
    /// Adds a provider named <paramref name="name"/> that runs each job on <paramref name="providerNames"/> in order, moving
    /// on only while no job was accepted (see <see cref="FailoverImageGenerationClient"/>). Resolve it like any provider:
    /// <c>[FromKeyedServices(name)] IImageGenerationClient</c>, <see cref="IImageGenerationClientFactory.GetClient"/>, or as the
    /// default after <see cref="NanoBananaBuilder.SetDefault"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddNanoBanana()</c>.</param>
    /// <param name="name">The registration name (service key) of the failover client.</param>
    /// <param name="providerNames">The providers to try, most preferred first; each registered with an <c>AddX</c> call, before or after this one.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">No provider is named, a name is empty, or the failover names itself.</exception>
    /// <example>
    /// <code>
    /// services.AddNanoBanana()
    ///     .AddNanaNanoBanana(configuration.GetSection("NanoBanana:NanaNanoBanana"))
    ///     .AddGemini(configuration.GetSection("NanoBanana:Gemini"))
    ///     .AddFailover("images", "nananobanana", "gemini")
    ///     .SetDefault("images");
    /// </code>
    /// </example>
    public static NanoBananaBuilder AddFailover(this NanoBananaBuilder builder, string name, params string[] providerNames)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(providerNames);
        if (providerNames.Length == 0 || Array.Exists(providerNames, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one registered provider to fail over between, and no empty names.", nameof(providerNames));
        }

        if (providerNames.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The failover '{name}' cannot list itself among its providers.", nameof(providerNames));
        }

        string[] names = [.. providerNames];
        var registry = builder.Registry;
        registry.Add(name);
        builder.Services.AddKeyedSingleton<IImageGenerationClient>(name, (services, _) =>
        {
            var missing = names.Where(n => !registry.Names.Contains(n, StringComparer.Ordinal)).ToArray();
            if (missing.Length > 0)
            {
                throw new InvalidOperationException(
                    $"The failover '{name}' lists providers that are not registered: {string.Join(", ", missing)}. Registered: {string.Join(", ", registry.Names)}.");
            }

            return new FailoverImageGenerationClient(
                names.Select(n => services.GetRequiredKeyedService<IImageGenerationClient>(n)), services.GetService<ILoggerFactory>());
        });
        return builder;
    }
}
