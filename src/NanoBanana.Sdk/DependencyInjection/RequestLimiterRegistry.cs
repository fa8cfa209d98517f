using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.DependencyInjection;

/// <summary>
/// One <see cref="RequestLimiter"/> per provider registration, for the life of the container. <see cref="IHttpClientFactory"/>
/// builds a new handler chain every handler lifetime (two minutes by default) while the old one drains; limits held by the
/// handler would restart their count at each rotation and be doubled while two chains overlap, so the handlers borrow them
/// from here. The limits are read when the registration first sends a call.
/// </summary>
internal sealed class RequestLimiterRegistry(IServiceProvider services) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RequestLimiter?>> _limiters = new(StringComparer.Ordinal);

    /// <summary>The registration's limiter, created from <paramref name="options"/> on first use; <see langword="null"/> when it sets no limit.</summary>
    public RequestLimiter? Get(string name, NanoBananaResilienceOptions options) =>
        _limiters.GetOrAdd(name, static (key, state) => new Lazy<RequestLimiter?>(() => RequestLimiter.Create(
            state.Options,
            state.Services.GetService<TimeProvider>() ?? TimeProvider.System,
            () => state.Services.GetKeyedService<IImageGenerationClient>(key)?.ProviderName ?? key)),
            (Options: options, Services: services)).Value;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var limiter in _limiters.Values.Where(l => l.IsValueCreated))
        {
            limiter.Value?.Dispose();
        }
    }
}
