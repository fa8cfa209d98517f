using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// Maps a task status (polled or called back) onto the common snapshot, result and exception model. Polling and the
/// webhook parser share it, so a job ends the same way whichever reports it.
/// </summary>
internal sealed class ApixoResultMapper(ImageDownloader? download, TimeProvider timeProvider)
{
    private const string Provider = ApixoImageClient.ProviderId;

    /// <summary>The vendor says 15 days on one page and 24 hours on another; the SDK assumes the stricter.</summary>
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromHours(24);

    public OperationSnapshot FromStatus(ApixoTaskStatus status, string operationId)
    {
        var state = status.State?.ToLowerInvariant() switch
        {
            ApixoTaskStates.Pending => ImageGenerationStatus.Queued,
            ApixoTaskStates.Success => ImageGenerationStatus.Succeeded,
            ApixoTaskStates.Failed => ImageGenerationStatus.Failed,
            // processing, and any state the docs do not list, counts as running until MaxWait.
            _ => ImageGenerationStatus.Running,
        };

        var result = state == ImageGenerationStatus.Succeeded ? Result(status, operationId) : null;
        var failure = state == ImageGenerationStatus.Failed ? Failure(status.FailCode, status.FailMessage, operationId)
            : state == ImageGenerationStatus.Succeeded && result is null ? NoImages(operationId)
            : null;

        return new OperationSnapshot
        {
            Id = operationId,
            Status = failure is null ? state : ImageGenerationStatus.Failed,
            Message = status.State,
            Result = result,
            Failure = failure,
        };
    }

    /// <summary>The exception a failed task ends in: content filtered, a reference image the vendor could not fetch, or a plain failure.</summary>
    public static NanoBananaException Failure(string? failCode, string? failMessage, string operationId)
    {
        var text = SensitiveText.Sanitize(failMessage) ?? "no reason given";
        var code = failCode ?? "no failCode";
        NanoBananaException exception = failCode switch
        {
            _ when ApixoFailCodes.IsContentPolicy(failCode) => new NanoBananaContentFilteredException(
                $"{Provider}'s content policy blocked job {operationId} ({code}: \"{text}\"). Change the prompt or the reference images; resending them as they are will not help."),
            ApixoFailCodes.InvalidImageUrl => new NanoBananaException(
                $"{Provider} could not fetch a reference image of job {operationId} ({code}: \"{text}\"). Every InputImages URL must be public and serve a JPG, PNG or WebP " +
                "of at most 10 MB; resending the same URLs will not help."),
            _ => new NanoBananaGenerationFailedException($"{Provider} job {operationId} failed ({code}: \"{text}\")."),
        };

        return exception.With<NanoBananaException>(facts =>
        {
            facts.Provider = Provider;
            facts.OperationId = operationId;
            facts.ErrorCode = failCode;
            facts.IsTransient = ApixoFailCodes.IsTransient(failCode);
        });
    }

    private ImageGenerationResult? Result(ApixoTaskStatus status, string operationId)
    {
        if (!ApixoResultJson.TryReadUrls(status.ResultJson, out var urls))
        {
            return null;
        }

        var images = new List<GeneratedImage>(urls.Count);
        var expiresAt = (status.CompletedAt ?? timeProvider.GetUtcNow()) + UrlLifetime;
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return null;
            }

            images.Add(download is null
                ? GeneratedImage.FromUri(uri, MediaTypeOf(uri), expiresAt)
                : GeneratedImage.FromUri(uri, MediaTypeOf(uri), expiresAt, download));
        }

        return new ImageGenerationResult
        {
            Provider = Provider,
            OperationId = operationId,
            Images = images,
            RawRepresentation = status,
        };
    }

    private static NanoBananaGenerationFailedException NoImages(string operationId) => new(
        $"{Provider} reported success for job {operationId} but its resultJson held no usable image URL.")
    {
        Provider = Provider,
        OperationId = operationId,
    };

    private static string? MediaTypeOf(Uri uri) => Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => null,
    };
}
