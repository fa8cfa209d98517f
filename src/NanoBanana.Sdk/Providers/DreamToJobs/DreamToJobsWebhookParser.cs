using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Http.InlineData;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// Verifies and parses the callbacks DreamTo posts to <c>input.callback_url</c>. The vendor does not sign them, so a
/// callback is accepted only when its URL carries the token the client added from a configured secret. The body is
/// assumed to be the job object of <c>GET /v1/jobs/{id}</c>, and it maps to the same result or exception a poll would.
/// </summary>
public sealed class DreamToJobsWebhookParser : IImageGenerationWebhookParser
{
    private readonly Func<DreamToJobsImageClientOptions> _options;
    private readonly ImageDownloader? _download;

    /// <summary>Creates a parser that needs no HTTP client (for example behind a queue); URL images download through a shared client.</summary>
    /// <param name="options">The settings; only <see cref="DreamToJobsImageClientOptions.Webhooks"/> and <see cref="DreamToJobsImageClientOptions.BaseAddress"/> are used.</param>
    public DreamToJobsWebhookParser(DreamToJobsImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = () => options;
    }

    private DreamToJobsWebhookParser(Func<DreamToJobsImageClientOptions> options, ImageDownloader download)
    {
        _options = options;
        _download = download;
    }

    /// <inheritdoc/>
    public string ProviderName => DreamToJobsImageClient.ProviderId;

    /// <inheritdoc/>
    public ImageGenerationWebhookEvent Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options();
        CallbackUrlToken.Verify(ProviderName, request.RequestUri, options.Webhooks);
        var job = WebhookPayload.Read(ProviderName, request, DreamToJobsJsonContext.Default.DreamToJob, options.Webhooks);
        if (string.IsNullOrWhiteSpace(job.Id) || string.IsNullOrWhiteSpace(job.Status))
        {
            throw HmacWebhookSignature.Reject(ProviderName, WebhookRejectionReason.UnknownShape, "the body is not a job object (it has no \"id\" or \"status\").");
        }

        OperationSnapshot snapshot;
        try
        {
            snapshot = new DreamToJobsResultMapper(ProviderName, options.BaseAddress, _download)
                .FromJob(DreamToJobInlineImages.Resolve(job, DreamToJobInlineImages.NoBlobs), job.Id);
        }
        catch (InlineDataFormatException e)
        {
            throw new NanoBananaWebhookException($"Rejected a {ProviderName} callback: an inline image is not valid base64 ({e.Message}).", e)
            {
                Provider = ProviderName,
                Reason = WebhookRejectionReason.Malformed,
            };
        }

        return new ImageGenerationWebhookEvent
        {
            Provider = ProviderName,
            EventId = $"{snapshot.Id}:{job.Status.Trim().ToLowerInvariant()}",
            OperationId = snapshot.Id,
            Status = snapshot.Status,
            Result = snapshot.Result,
            Error = snapshot.Failure,
            RawRepresentation = job,
        };
    }

    /// <summary>The registered parser: current options per callback, URL images downloaded through the provider's pipeline.</summary>
    internal static DreamToJobsWebhookParser Create(ProviderServices<DreamToJobsImageClientOptions> services)
    {
        var http = new ProviderHttpClient(
            DreamToJobsImageClient.ProviderId,
            services.HttpClient,
            DreamToJobsErrorParser.Instance,
            services.TimeProvider,
            services.LoggerFactory?.CreateLogger<DreamToJobsWebhookParser>() ?? (ILogger)NullLogger.Instance);
        return new DreamToJobsWebhookParser(services.Options, (uri, ct) => http.DownloadAsync(uri, services.Options().DownloadTimeout, ct));
    }
}
