using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Telemetry;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// The HTTP pipeline a client builds for itself when it is created without dependency injection: retries outside, one
/// telemetry span per attempt inside them, then the socket handler.
/// </summary>
internal static class OwnedHttpClient
{
    public static HttpClient Create(NanoBananaResilienceOptions? resilience, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        var handler = new NanoBananaResilienceHandler(resilience, timeProvider, loggerFactory?.CreateLogger<NanoBananaResilienceHandler>())
        {
            InnerHandler = new HttpAttemptTelemetryHandler { InnerHandler = PrimaryHandler() },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// The socket handler under every provider's pipeline. Redirects are not followed: a redirect to another host
    /// would carry the API key headers with it, so a 3xx reaches the SDK as an error instead.
    /// </summary>
    public static SocketsHttpHandler PrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        // Rotating pooled connections keeps DNS changes visible to a long-lived client.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };
}
