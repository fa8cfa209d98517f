using Microsoft.Extensions.Logging;

namespace NanoBanana.Sdk.Http;

/// <summary>The HTTP pipeline a client builds for itself when it is created without dependency injection.</summary>
internal static class OwnedHttpClient
{
    public static HttpClient Create(NanoBananaResilienceOptions? resilience, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        var handler = new NanoBananaResilienceHandler(resilience, timeProvider, loggerFactory?.CreateLogger<NanoBananaResilienceHandler>())
        {
            // Rotating pooled connections keeps DNS changes visible to a long-lived client.
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
