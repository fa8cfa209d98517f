using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// Maps a <see cref="DreamToJob"/> onto the common status, result and exception model. Polling and callbacks share it,
/// so a callback yields exactly what a poll of the same job would.
/// </summary>
/// <param name="provider">The provider name for results and exceptions.</param>
/// <param name="baseAddress">The API origin, to resolve relative result URLs; <see langword="null"/> when unknown.</param>
/// <param name="download">Downloads URL results through the provider's pipeline; <see langword="null"/> for the shared downloader.</param>
internal sealed class DreamToJobsResultMapper(string provider, Uri? baseAddress, ImageDownloader? download)
{
    private static readonly string[] ContentFilterWords = ["safety", "content", "moderation", "policy", "nsfw", "violation", "blocked"];

    public OperationSnapshot FromJob(DreamToJob job, string requestedId)
    {
        var id = string.IsNullOrEmpty(job.Id) ? requestedId : job.Id;
        var status = MapStatus(job.Status);
        var images = job.Output?.Images?.Where(image => image is not null && (image.Url is not null || image.Data is not null)).ToList() ?? [];
        NanoBananaException? failure = null;
        if (status == ImageGenerationStatus.Succeeded && images.Count == 0)
        {
            status = ImageGenerationStatus.Failed;
            failure = Failure(new DreamToJobError { Message = "the job succeeded without any image" }, id);
        }
        else if (status == ImageGenerationStatus.Failed)
        {
            failure = Failure(job.Error, id);
        }
        else if (status == ImageGenerationStatus.Canceled)
        {
            failure = Canceled(id);
        }

        return new OperationSnapshot
        {
            Id = id,
            Status = status,
            Percent = job.Progress is { } progress ? (int)Math.Clamp(Math.Round(progress), 0, 100) : null,
            Message = job.Status,
            Result = status == ImageGenerationStatus.Succeeded
                ? new ImageGenerationResult
                {
                    Provider = provider,
                    OperationId = id,
                    Images = [.. images.Select(image => Image(image!, id))],
                    Text = job.Output?.Text,
                    RawRepresentation = job,
                }
                : null,
            Failure = failure,
        };
    }

    /// <summary>
    /// The vendor documents only <c>processing</c>; the rest are the SDK's assumption (OpenAI-like, given <c>object: "job"</c>)
    /// plus common synonyms, matched ignoring case. An unknown word counts as still running, until <c>MaxWait</c>.
    /// </summary>
    public static ImageGenerationStatus MapStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "queued" or "pending" or "submitted" or "created" or "waiting" => ImageGenerationStatus.Queued,
        "succeeded" or "success" or "successful" or "completed" or "complete" or "done" or "finished" => ImageGenerationStatus.Succeeded,
        "failed" or "failure" or "error" or "errored" or "rejected" or "expired" => ImageGenerationStatus.Failed,
        "cancelled" or "canceled" => ImageGenerationStatus.Canceled,
        _ => ImageGenerationStatus.Running,
    };

    /// <summary>A failed job: content-filtered when its code or message says so, failed otherwise; it always names the job.</summary>
    public NanoBananaException Failure(DreamToJobError? error, string operationId)
    {
        var code = error?.Code ?? error?.Type ?? error?.Status;
        var text = SensitiveText.Sanitize(error?.Message) ?? "no reason given";
        var filtered = (code is not null && ContentFilterWords.Any(word => code.Contains(word, StringComparison.OrdinalIgnoreCase)))
            || text.Contains("safety", StringComparison.OrdinalIgnoreCase)
            || text.Contains("moderation", StringComparison.OrdinalIgnoreCase);
        if (filtered)
        {
            return new NanoBananaContentFilteredException(
                $"{provider}'s content check blocked job {operationId} (\"{text}\"). Change the prompt or the reference images; resending them as they are will not help.")
            { Provider = provider, OperationId = operationId, ErrorCode = code ?? "content_filtered" };
        }

        return new NanoBananaGenerationFailedException($"{provider} job {operationId} failed (\"{text}\").")
        { Provider = provider, OperationId = operationId, ErrorCode = code ?? "generation_failed" };
    }

    private NanoBananaGenerationFailedException Canceled(string operationId) =>
        new($"{provider} job {operationId} was cancelled at the vendor before it produced an image.")
        { Provider = provider, OperationId = operationId, ErrorCode = "cancelled" };

    private GeneratedImage Image(DreamToJobImage image, string operationId)
    {
        if (image.Data is { } data)
        {
            return GeneratedImage.FromBytes(data, image.MimeType ?? MediaTypes.FromContent(data.Span) ?? "application/octet-stream");
        }

        var uri = Resolve(image.Url!, operationId);
        var mediaType = image.MimeType ?? MediaTypes.FromUrl(uri);
        return download is null ? GeneratedImage.FromUri(uri, mediaType) : GeneratedImage.FromUri(uri, mediaType, null, download);
    }

    /// <summary>Absolute http(s) URLs as they are; relative ones resolved against the API origin.</summary>
    private Uri Resolve(string url, string operationId)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        if (baseAddress is not null && !url.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(baseAddress, url, out var relative))
        {
            return relative;
        }

        throw new NanoBananaException($"{provider} job {operationId} returned an image URL the SDK cannot use: '{SensitiveText.Sanitize(url)}'.")
        {
            Provider = provider,
            OperationId = operationId,
        };
    }
}
