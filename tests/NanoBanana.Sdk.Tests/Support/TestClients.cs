using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Support;

/// <summary>Builds nananobanana clients without dependency injection, over a <see cref="StubHandler"/>.</summary>
public static class TestClients
{
    /// <summary>The key the stub-backed clients send; long and distinctive, so a leak is easy to spot.</summary>
    public const string ApiKey = "nb_test_secret_4f9c2a7e1b";

    /// <summary>A loopback base address; the stub answers before anything would be sent.</summary>
    public static readonly Uri BaseAddress = new("https://127.0.0.1:7443/api/v1/");

    /// <summary>Options pointing at <see cref="BaseAddress"/> with <see cref="ApiKey"/>.</summary>
    /// <param name="configure">Further changes.</param>
    /// <returns>The options.</returns>
    public static NanaNanoBananaImageClientOptions Options(Action<NanaNanoBananaImageClientOptions>? configure = null)
    {
        var options = new NanaNanoBananaImageClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose HttpClient sends straight to <paramref name="stub"/> (no retries).</summary>
    /// <param name="stub">The stub.</param>
    /// <param name="time">The clock.</param>
    /// <param name="configure">Option changes.</param>
    /// <param name="loggerFactory">Where the client logs.</param>
    /// <returns>The client.</returns>
    public static NanaNanoBananaImageClient Direct(
        StubHandler stub, TimeProvider time, Action<NanaNanoBananaImageClientOptions>? configure = null, ILoggerFactory? loggerFactory = null) =>
        new(new HttpClient(stub) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time, loggerFactory);

    /// <summary>A client whose HttpClient runs <see cref="NanoBananaResilienceHandler"/> over <paramref name="stub"/>.</summary>
    /// <param name="stub">The stub.</param>
    /// <param name="time">The clock (for the client and the handler).</param>
    /// <param name="resilience">Retry settings.</param>
    /// <param name="configure">Option changes.</param>
    /// <param name="loggerFactory">Where the client and the handler log.</param>
    /// <returns>The client.</returns>
    public static NanaNanoBananaImageClient Resilient(
        StubHandler stub,
        TimeProvider time,
        NanoBananaResilienceOptions? resilience = null,
        Action<NanaNanoBananaImageClientOptions>? configure = null,
        ILoggerFactory? loggerFactory = null)
    {
        var handler = new NanoBananaResilienceHandler(resilience, time, loggerFactory?.CreateLogger<NanoBananaResilienceHandler>())
        {
            InnerHandler = stub,
        };
        return new(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, Options(configure), time, loggerFactory);
    }

    /// <summary>A minimal valid request.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <returns>The request.</returns>
    public static ImageGenerationRequest Request(string prompt = "a lighthouse at dusk") => new() { Prompt = prompt };

    /// <summary>Enumerates a stream to a list.</summary>
    /// <param name="updates">The updates.</param>
    /// <returns>All updates.</returns>
    public static async Task<List<ImageGenerationUpdate>> ToListAsync(this IAsyncEnumerable<ImageGenerationUpdate> updates)
    {
        var list = new List<ImageGenerationUpdate>();
        await foreach (var update in updates.ConfigureAwait(false))
        {
            list.Add(update);
        }

        return list;
    }
}
