using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// What sets one provider client apart at construction (its name, logger category, error parser, options validator and
/// resilience settings), and the three ways to build its <see cref="ProviderClientCore{TOptions}"/>: with its own HTTP
/// pipeline, over a given <see cref="HttpClient"/>, or from dependency injection.
/// </summary>
/// <typeparam name="TOptions">The provider's options type.</typeparam>
/// <param name="provider">The provider name the client reports.</param>
/// <param name="loggerCategory">The client type, which names its log category.</param>
/// <param name="errorParser">Reads the vendor's error bodies.</param>
/// <param name="validator">Checks the options of a client built without dependency injection.</param>
/// <param name="resilience">Where the options keep the settings of the client's own HTTP pipeline.</param>
internal sealed class ProviderClientDefinition<TOptions>(
    string provider,
    Type loggerCategory,
    IProviderErrorParser errorParser,
    IValidateOptions<TOptions> validator,
    Func<TOptions, NanoBananaResilienceOptions?> resilience)
    where TOptions : class
{
    /// <summary>For a client created without dependency injection, with its own HTTP pipeline (retries included) that it disposes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ProviderClientCore<TOptions> WithOwnedHttpClient(
        TOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, ImageGenerationWebhookHub? webhooks)
    {
        // Validated before the pipeline is built, so invalid options leave nothing undisposed.
        Validate(options);
        var httpClient = OwnedHttpClient.Create(resilience(options), timeProvider, loggerFactory);
        return Build(() => httpClient, () => options, timeProvider ?? TimeProvider.System, loggerFactory, webhooks, ownedHttpClient: httpClient);
    }

    /// <summary>For a client created without dependency injection over an <see cref="HttpClient"/> the caller owns.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ProviderClientCore<TOptions> WithHttpClient(
        HttpClient httpClient, TOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, ImageGenerationWebhookHub? webhooks)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        Validate(options);
        return Build(() => httpClient, () => options, timeProvider ?? TimeProvider.System, loggerFactory, webhooks, ownedHttpClient: null);
    }

    /// <summary>
    /// For a client registered with dependency injection: the registration validates the options at start and hands out
    /// accessors, so the current <see cref="HttpClient"/> and settings are read per call.
    /// </summary>
    public ProviderClientCore<TOptions> Injected(
        Func<HttpClient> httpClient, Func<TOptions> options, TimeProvider timeProvider, ILoggerFactory? loggerFactory, ImageGenerationWebhookHub? webhooks) =>
        Build(httpClient, options, timeProvider, loggerFactory, webhooks, ownedHttpClient: null);

    private void Validate(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = validator.Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }
    }

    private ProviderClientCore<TOptions> Build(
        Func<HttpClient> httpClient,
        Func<TOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        ImageGenerationWebhookHub? webhooks,
        HttpClient? ownedHttpClient) =>
        new(
            provider,
            errorParser,
            httpClient,
            options,
            timeProvider,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(loggerCategory),
            webhooks,
            ownedHttpClient);
}
