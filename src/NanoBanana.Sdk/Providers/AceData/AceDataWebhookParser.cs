using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Verifies and parses Ace Data callbacks. The vendor does not sign them, so a callback is accepted only when its URL
/// carries the token the SDK added to <c>callback_url</c> (from <see cref="NanoBananaWebhookOptions.Secrets"/>). The body is
/// the images answer (or the error body with <c>task_id</c>), mapped exactly as a poll of the task would be.
/// </summary>
public sealed class AceDataWebhookParser : IImageGenerationWebhookParser
{
    private readonly Func<NanoBananaWebhookOptions> _options;
    private readonly AceDataResultMapper _mapper = new(AceDataImageClient.ProviderId, download: null);

    /// <summary>Creates a parser with fixed settings, for example behind a queue with no HTTP client.</summary>
    /// <param name="options">The secrets and the body size limit.</param>
    public AceDataWebhookParser(NanoBananaWebhookOptions options)
        : this(() => options)
    {
        ArgumentNullException.ThrowIfNull(options);
    }

    internal AceDataWebhookParser(Func<NanoBananaWebhookOptions> options) => _options = options;

    /// <inheritdoc/>
    public string ProviderName => AceDataImageClient.ProviderId;

    /// <inheritdoc/>
    /// <remarks>
    /// <see cref="ImageGenerationWebhookEvent.EventId"/> is <c>{task_id}:{status}</c>: the body carries no event id, and a
    /// resent callback of the same task and outcome must de-duplicate.
    /// </remarks>
    public ImageGenerationWebhookEvent Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options();
        CallbackUrlToken.Verify(ProviderName, request.RequestUri, options);
        var body = WebhookPayload.Read(ProviderName, request, AceDataJsonContext.Default.AceDataImageResponse, options);
        if (string.IsNullOrWhiteSpace(body.TaskId))
        {
            throw HmacWebhookSignature.Reject(ProviderName, WebhookRejectionReason.UnknownShape, "the body has no task_id, so it is not an Ace Data task callback.");
        }

        var snapshot = _mapper.FromResponse(body, body.TaskId);
        return new ImageGenerationWebhookEvent
        {
            Provider = ProviderName,
            EventId = $"{body.TaskId}:{snapshot.Status}",
            OperationId = body.TaskId,
            Status = snapshot.Status,
            Result = snapshot.Result,
            Error = snapshot.Failure,
            RawRepresentation = body,
        };
    }
}
