using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Verifies and parses BananaPro's account webhook deliveries. The signature (HMAC-SHA256 of <c>{timestamp}.{body}</c>
/// with the webhook's <c>secret_key</c>, hex) is read from <c>X-Nano-Timestamp</c>/<c>X-Nano-Signature</c> or
/// <c>X-Webhook-Timestamp</c>/<c>X-Webhook-Signature</c>, checked against every secret in
/// <see cref="BananaProImageClientOptions.Webhooks"/>, then <c>job.completed</c>/<c>job.failed</c> (or their <c>task.*</c>
/// spelling) map like a poll, with the same result and exceptions. The vendor documents no other events, so any other
/// event is rejected as <see cref="WebhookRejectionReason.UnknownShape"/>. Deliveries carry no id:
/// <see cref="ImageGenerationWebhookEvent.EventId"/> is <c>{task_id}:{status}</c>, the same for a retried delivery and for
/// either spelling.
/// </summary>
public sealed class BananaProWebhookParser : IImageGenerationWebhookParser
{
    /// <summary>The timestamp header of the <c>api.nanobananapro.site</c> docs.</summary>
    public const string NanoTimestampHeader = "X-Nano-Timestamp";

    /// <summary>The signature header of the <c>api.nanobananapro.site</c> docs.</summary>
    public const string NanoSignatureHeader = "X-Nano-Signature";

    /// <summary>The timestamp header of the <c>api-preview.bananapro.site</c> docs.</summary>
    public const string WebhookTimestampHeader = "X-Webhook-Timestamp";

    /// <summary>The signature header of the <c>api-preview.bananapro.site</c> docs.</summary>
    public const string WebhookSignatureHeader = "X-Webhook-Signature";

    private readonly Func<BananaProImageClientOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly BananaProResultMapper _mapper;

    /// <summary>Creates a parser; result images are downloaded with a shared <see cref="HttpClient"/> when asked.</summary>
    /// <param name="options">The settings; <see cref="BananaProImageClientOptions.Webhooks"/> holds the secrets.</param>
    /// <param name="timeProvider">The clock the signed timestamp is checked against; <see langword="null"/> for the system clock.</param>
    public BananaProWebhookParser(BananaProImageClientOptions options, TimeProvider? timeProvider = null)
        : this(CheckNotNull(options), timeProvider ?? TimeProvider.System, httpClient: null, loggerFactory: null)
    {
    }

    internal BananaProWebhookParser(
        Func<BananaProImageClientOptions> options, TimeProvider timeProvider, Func<HttpClient>? httpClient, ILoggerFactory? loggerFactory)
    {
        _options = options;
        _timeProvider = timeProvider;
        ImageDownloader? download = null;
        if (httpClient is not null)
        {
            // Downloads go through the provider's own pipeline, as they do for polled results.
            var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BananaProWebhookParser>();
            var http = new ProviderHttpClient(BananaProImageClient.ProviderId, httpClient, BananaProErrorParser.Instance, timeProvider, logger);
            download = (uri, ct) => http.DownloadAsync(uri, _options().DownloadTimeout, ct);
        }

        _mapper = new BananaProResultMapper(download);
    }

    /// <inheritdoc/>
    public string ProviderName => BananaProImageClient.ProviderId;

    /// <inheritdoc/>
    public ImageGenerationWebhookEvent Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options();
        BananaProWebhookSignature.Verify(request, options.Webhooks, _timeProvider);
        var payload = WebhookPayload.Read(ProviderName, request, BananaProJsonContext.Default.BananaProWebhookPayload, options.Webhooks);
        var eventStatus = BananaProWebhookEvents.StatusOf(payload.Event) ?? throw HmacWebhookSignature.Reject(
            ProviderName, WebhookRejectionReason.UnknownShape,
            $"the event '{SensitiveText.Sanitize(payload.Event) ?? "(none)"}' is not one BananaPro documents (job.completed, job.failed, task.completed, task.failed).");
        if (payload.TaskId is not { Length: > 0 } taskId)
        {
            throw HmacWebhookSignature.Reject(ProviderName, WebhookRejectionReason.UnknownShape, "the body has no task_id.");
        }

        var snapshot = _mapper.FromWebhook(payload, taskId, payload.Status ?? eventStatus);
        return new ImageGenerationWebhookEvent
        {
            Provider = ProviderName,
            EventId = taskId + ":" + snapshot.Status.Value,
            OperationId = taskId,
            Status = snapshot.Status,
            Result = snapshot.Result,
            Error = snapshot.Failure,
            RawRepresentation = payload,
        };
    }

    private static Func<BananaProImageClientOptions> CheckNotNull(BananaProImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return () => options;
    }
}
