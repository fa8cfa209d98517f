using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Telemetry;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// The parts every provider client is built from, made by <see cref="ProviderClientDefinition{TOptions}"/>: the settings,
/// the request sender, the clock, the logger, the telemetry, the webhook hub and, when the client built its own HTTP
/// pipeline, the <see cref="HttpClient"/> it has to dispose.
/// </summary>
/// <typeparam name="TOptions">The provider's options type.</typeparam>
internal sealed class ProviderClientCore<TOptions> : IDisposable
{
    private readonly Func<TOptions> _options;
    private readonly HttpClient? _ownedHttpClient;

    public ProviderClientCore(
        string provider,
        IProviderErrorParser errorParser,
        Func<HttpClient> httpClient,
        Func<TOptions> options,
        TimeProvider timeProvider,
        ILogger logger,
        ImageGenerationWebhookHub? webhooks,
        HttpClient? ownedHttpClient)
    {
        _options = options;
        _ownedHttpClient = ownedHttpClient;
        TimeProvider = timeProvider;
        Logger = logger;
        Webhooks = webhooks;
        Telemetry = new ProviderTelemetry(provider, timeProvider, logger);
        Http = new ProviderHttpClient(provider, httpClient, errorParser, timeProvider, logger);
    }

    /// <summary>The current settings; read again on every call, so options bound to configuration apply without a restart.</summary>
    public TOptions Options => _options();

    /// <summary>Sends the provider's requests and turns failures into typed exceptions.</summary>
    public ProviderHttpClient Http { get; }

    /// <summary>The clock for budgets and polling.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The client's logger, categorised by the client type.</summary>
    public ILogger Logger { get; }

    /// <summary>Spans, metrics and logs of the client's calls.</summary>
    public ProviderTelemetry Telemetry { get; }

    /// <summary>Where verified callbacks are published, so operations complete from them; <see langword="null"/> when only polling ends them.</summary>
    public ImageGenerationWebhookHub? Webhooks { get; }

    /// <summary>Disposes the HTTP pipeline the client built for itself, if any; a given or injected one belongs to its owner.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();
}
