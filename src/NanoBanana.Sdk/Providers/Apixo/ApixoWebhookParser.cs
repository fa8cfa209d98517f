using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// Verifies and parses the callbacks APIXO POSTs in callback mode: the status envelope <c>{"code", "message", "data"}</c>.
/// APIXO does not sign them, so a callback is accepted only when its URL carries the token the SDK added (from a secret
/// in <see cref="ApixoImageClientOptions.Webhooks"/>). The event maps like a poll, with the same result and exceptions;
/// its <see cref="ImageGenerationWebhookEvent.EventId"/> is <c>{operationId}:{state}</c>, since APIXO retries a delivery
/// with the same body.
/// </summary>
public sealed class ApixoWebhookParser : IImageGenerationWebhookParser
{
    private readonly Func<ApixoImageClientOptions> _options;
    private readonly ApixoResultMapper _mapper;

    /// <summary>Creates a parser; result images are downloaded with a shared <see cref="HttpClient"/> when asked.</summary>
    /// <param name="options">The settings; <see cref="ApixoImageClientOptions.Webhooks"/> holds the secrets.</param>
    /// <param name="timeProvider">The clock for image expiry; <see langword="null"/> for the system clock.</param>
    public ApixoWebhookParser(ApixoImageClientOptions options, TimeProvider? timeProvider = null)
        : this(CheckNotNull(options), timeProvider ?? TimeProvider.System, httpClient: null, loggerFactory: null)
    {
    }

    internal ApixoWebhookParser(
        Func<ApixoImageClientOptions> options, TimeProvider timeProvider, Func<HttpClient>? httpClient, ILoggerFactory? loggerFactory)
    {
        _options = options;
        ImageDownloader? download = null;
        if (httpClient is not null)
        {
            // Downloads go through the provider's own pipeline, as they do for polled results.
            var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ApixoWebhookParser>();
            var http = new ProviderHttpClient(ApixoImageClient.ProviderId, httpClient, ApixoErrorParser.Instance, timeProvider, logger);
            download = (uri, ct) => http.DownloadAsync(uri, _options().DownloadTimeout, ct);
        }

        _mapper = new ApixoResultMapper(download, timeProvider);
    }

    /// <inheritdoc/>
    public string ProviderName => ApixoImageClient.ProviderId;

    /// <inheritdoc/>
    /// <remarks>The request must carry the URL APIXO called (<see cref="WebhookRequest.RequestUri"/>): the token and the model are in its query.</remarks>
    public ImageGenerationWebhookEvent Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options();
        CallbackUrlToken.Verify(ProviderName, request.RequestUri, options.Webhooks);
        var envelope = WebhookPayload.Read(ProviderName, request, ApixoJsonContext.Default.ApixoEnvelopeApixoTaskStatus, options.Webhooks);
        if (envelope.Data is not { TaskId: { Length: > 0 } taskId, State: { Length: > 0 } state } status)
        {
            throw HmacWebhookSignature.Reject(ProviderName, WebhookRejectionReason.UnknownShape, "the body has no data.taskId or data.state.");
        }

        var model = ApixoCallbackUrl.ReadModel(request.RequestUri) ?? throw HmacWebhookSignature.Reject(
            ProviderName, WebhookRejectionReason.InvalidToken,
            $"the callback URL has no {ApixoCallbackUrl.ModelParameter}, so it is not one the SDK gave APIXO (use StartGenerationAsync with a CallbackUri).");
        var operationId = ApixoOperationId.Format(model, taskId);
        var snapshot = _mapper.FromStatus(status, operationId);
        return new ImageGenerationWebhookEvent
        {
            Provider = ProviderName,
            EventId = operationId + ":" + state,
            OperationId = operationId,
            Status = snapshot.Status,
            Result = snapshot.Result,
            Error = snapshot.Failure,
            RawRepresentation = status,
        };
    }

    private static Func<ApixoImageClientOptions> CheckNotNull(ApixoImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return () => options;
    }
}
