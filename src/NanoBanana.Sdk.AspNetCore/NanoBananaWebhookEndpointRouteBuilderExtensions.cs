using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NanoBanana.Sdk.AspNetCore;
using NanoBanana.Sdk.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint that receives Nano Banana vendor callbacks.</summary>
public static class NanoBananaWebhookEndpointRouteBuilderExtensions
{
    /// <summary>The pattern used when none is given; <c>{provider}</c> is a registration name such as <c>acedata</c> or <c>apixo</c>.</summary>
    public const string DefaultPattern = "/webhooks/nanobanana/{provider}";

    /// <summary>
    /// Maps <c>POST {pattern}</c>: reads the raw body before any binding, verifies and parses it with the webhook parser
    /// registered under the <c>{provider}</c> route value, completes the operation waiting for it, runs the app's
    /// <see cref="IImageGenerationWebhookHandler"/>s once per event id, and answers 200. Rejected callbacks are answered
    /// 401 (unverified), 400 (not JSON, or not the vendor's shape), 413 (too large) or 404 (no such provider); a handler
    /// that throws makes it 500, so the vendor retries.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route; must contain a <c>{provider}</c> parameter.</param>
    /// <param name="configure">Changes the endpoint's settings (body limit, de-duplication).</param>
    /// <returns>The endpoint's builder, to add authorization, rate limiting, host filtering and the like.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> has no <c>{provider}</c> parameter, or a setting is out of range.</exception>
    /// <exception cref="InvalidOperationException"><c>services.AddNanoBanana()</c> was not called.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddNanoBanana().AddApixo(builder.Configuration.GetSection("NanoBanana:Apixo"));
    /// builder.Services.AddNanoBananaWebhookHandler&lt;SaveImages&gt;();
    /// var app = builder.Build();
    /// app.MapNanoBananaWebhooks(); // POST /webhooks/nanobanana/apixo
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapNanoBananaWebhooks(
        this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern, Action<NanoBananaWebhookEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (RoutePatternFactory.Parse(pattern).GetParameter(WebhookEndpoint.ProviderRouteValue) is null)
        {
            throw new ArgumentException($"The pattern '{pattern}' needs a {{{WebhookEndpoint.ProviderRouteValue}}} parameter naming the provider registration.", nameof(pattern));
        }

        var options = new NanoBananaWebhookEndpointOptions();
        configure?.Invoke(options);
        Validate(options, nameof(configure));

        var services = endpoints.ServiceProvider;
        var hub = services.GetService<ImageGenerationWebhookHub>()
            ?? throw new InvalidOperationException("MapNanoBananaWebhooks needs the NanoBanana services: call services.AddNanoBanana() and add the providers that call back.");
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("NanoBanana.Sdk.AspNetCore.Webhooks") ?? NullLogger.Instance;
        var handled = new HandledWebhookEvents(timeProvider, options.DeduplicationWindow, options.DeduplicationCapacity);
        var endpoint = new WebhookEndpoint(hub, handled, options, logger);

        return endpoints.MapPost(pattern, endpoint.InvokeAsync).WithDisplayName("NanoBanana webhooks " + pattern);
    }

    private static void Validate(NanoBananaWebhookEndpointOptions options, string parameterName)
    {
        if (options.MaxBodyBytes <= 0)
        {
            throw new ArgumentException($"{nameof(NanoBananaWebhookEndpointOptions.MaxBodyBytes)} must be positive; it is {options.MaxBodyBytes}.", parameterName);
        }

        if (options.DeduplicationWindow < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(NanoBananaWebhookEndpointOptions.DeduplicationWindow)} must not be negative; it is {options.DeduplicationWindow}.", parameterName);
        }

        if (options.DeduplicationCapacity <= 0)
        {
            throw new ArgumentException($"{nameof(NanoBananaWebhookEndpointOptions.DeduplicationCapacity)} must be positive; it is {options.DeduplicationCapacity}.", parameterName);
        }
    }
}
