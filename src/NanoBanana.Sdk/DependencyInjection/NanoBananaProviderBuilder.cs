using Microsoft.Extensions.DependencyInjection;

namespace NanoBanana.Sdk.DependencyInjection;

/// <summary>The builder returned by an <c>AddX</c> call: chain more providers, or reach this provider's <see cref="IHttpClientBuilder"/>.</summary>
public sealed class NanoBananaProviderBuilder : NanoBananaBuilder
{
    internal NanoBananaProviderBuilder(IServiceCollection services, NanoBananaClientRegistry registry, string name, IHttpClientBuilder httpClientBuilder)
        : base(services, registry)
    {
        Name = name;
        HttpClientBuilder = httpClientBuilder;
    }

    /// <summary>The provider's registration name (its service key).</summary>
    public string Name { get; }

    /// <summary>The provider's named <see cref="HttpClient"/> registration, to add your own handlers.</summary>
    public IHttpClientBuilder HttpClientBuilder { get; }
}
