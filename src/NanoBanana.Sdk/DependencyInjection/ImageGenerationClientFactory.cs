using Microsoft.Extensions.DependencyInjection;

namespace NanoBanana.Sdk.DependencyInjection;

/// <summary>Resolves keyed provider registrations by name.</summary>
internal sealed class ImageGenerationClientFactory(IServiceProvider services, NanoBananaClientRegistry registry) : IImageGenerationClientFactory
{
    public IReadOnlyList<string> Names => registry.Names;

    public IImageGenerationClient GetClient(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!registry.Names.Contains(name, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"No NanoBanana provider is registered as '{name}'. Registered: {(registry.Names.Count == 0 ? "none" : string.Join(", ", registry.Names))}.");
        }

        return services.GetRequiredKeyedService<IImageGenerationClient>(name);
    }

    public IImageGenerationClient GetDefault() => GetClient(registry.DefaultName
        ?? throw new InvalidOperationException("No NanoBanana provider is registered; call an AddX method such as AddNanaNanoBanana after AddNanoBanana()."));
}
