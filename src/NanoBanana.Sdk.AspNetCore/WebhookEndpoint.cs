using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.AspNetCore;

/// <summary>
/// One mapped callback endpoint: raw body (size-limited) → the provider's keyed parser (verify, parse) → the webhook hub
/// (waiting operations complete) → the app's handlers, once per event id → 200. Answers are short plain text that never
/// echo the payload.
/// </summary>
internal sealed class WebhookEndpoint(
    ImageGenerationWebhookHub hub, HandledWebhookEvents handled, NanoBananaWebhookEndpointOptions options, ILogger logger)
{
    public const string ProviderRouteValue = "provider";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.RouteValues[ProviderRouteValue] is not string { Length: > 0 } provider
            || context.RequestServices.GetKeyedService<IImageGenerationWebhookParser>(provider) is not { } parser)
        {
            await AnswerAsync(context, StatusCodes.Status404NotFound, "No provider that sends callbacks is registered under this name.").ConfigureAwait(false);
            return;
        }

        var body = await WebhookBodyReader.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            WebhookLog.Rejected(logger, provider, WebhookRejectionReason.TooLarge.ToString());
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, "The callback body is too large.").ConfigureAwait(false);
            return;
        }

        ImageGenerationWebhookEvent webhookEvent;
        try
        {
            webhookEvent = parser.Parse(new WebhookRequest(body, Headers(context.Request), new Uri(context.Request.GetEncodedUrl())));
        }
        catch (NanoBananaWebhookException e)
        {
            if (e.Reason == WebhookRejectionReason.NotConfigured)
            {
                WebhookLog.NotConfigured(logger, provider);
            }
            else
            {
                WebhookLog.Rejected(logger, provider, e.Reason.ToString());
            }

            var (status, text) = Rejection(e.Reason);
            await AnswerAsync(context, status, text).ConfigureAwait(false);
            return;
        }

        WebhookLog.Received(logger, provider, webhookEvent.EventId, webhookEvent.OperationId, webhookEvent.Status.ToString());
        hub.Publish(webhookEvent);

        // Event ids are the vendor's, so two registrations (two accounts) keep separate histories.
        var key = provider + "\n" + webhookEvent.EventId;
        if (handled.Contains(key))
        {
            WebhookLog.Duplicate(logger, provider, webhookEvent.EventId);
            await AnswerAsync(context, StatusCodes.Status200OK, "Already handled.").ConfigureAwait(false);
            return;
        }

        try
        {
            foreach (var handler in context.RequestServices.GetServices<IImageGenerationWebhookHandler>())
            {
                await handler.HandleAsync(webhookEvent, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            WebhookLog.HandlerFailed(logger, e, provider, webhookEvent.EventId, webhookEvent.OperationId);
            await AnswerAsync(context, StatusCodes.Status500InternalServerError, "The callback could not be handled; deliver it again.").ConfigureAwait(false);
            return;
        }

        handled.Add(key);
        await AnswerAsync(context, StatusCodes.Status200OK, "OK").ConfigureAwait(false);
    }

    private static (int Status, string Text) Rejection(WebhookRejectionReason reason) => reason switch
    {
        WebhookRejectionReason.TooLarge => (StatusCodes.Status413PayloadTooLarge, "The callback body is too large."),
        WebhookRejectionReason.Malformed => (StatusCodes.Status400BadRequest, "The callback body is not valid JSON."),
        WebhookRejectionReason.UnknownShape => (StatusCodes.Status400BadRequest, "The callback body is not a payload this provider sends."),
        WebhookRejectionReason.InvalidSignature or WebhookRejectionReason.InvalidToken or WebhookRejectionReason.TimestampOutOfRange
            or WebhookRejectionReason.NotConfigured => (StatusCodes.Status401Unauthorized, "The callback could not be verified."),
        _ => (StatusCodes.Status400BadRequest, "The callback was rejected."),
    };

    /// <summary>Every header, ignoring case; repeated headers are joined with commas as HTTP allows.</summary>
    private static Dictionary<string, string> Headers(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        return headers;
    }

    private static Task AnswerAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
