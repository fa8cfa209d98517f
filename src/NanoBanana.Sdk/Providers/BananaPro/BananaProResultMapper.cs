using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Maps a task's state onto the common result, status and exception model. Polls and webhook deliveries both go through
/// <see cref="Snapshot"/>, so a job ends the same way whichever reports it.
/// </summary>
internal sealed class BananaProResultMapper(ImageDownloader? download)
{
    /// <summary>Words that mark a failure as the safety filter's (the vendor's failure texts are undocumented).</summary>
    private static readonly string[] ContentBlockWords = ["safety", "content policy", "nsfw", "violat", "inappropriate"];

    private static string Provider => BananaProImageClient.ProviderId;

    public OperationSnapshot FromTask(BananaProTask task, string requestedId, BananaProGenerateResponse? submitted) => Snapshot(
        string.IsNullOrEmpty(task.TaskId) ? requestedId : task.TaskId,
        task.Status,
        task.ImageUrl ?? task.Url,
        task.Error ?? task.ErrorMessage,
        submitted is null ? null : new ImageGenerationUsage { CreditsUsed = submitted.CreditsUsed, RemainingCredits = submitted.RemainingCredits },
        task);

    public OperationSnapshot FromWebhook(BananaProWebhookPayload payload, string taskId, string status) => Snapshot(
        taskId,
        status,
        payload.Data?.Url,
        payload.Data?.Error ?? payload.Data?.ErrorMessage,
        payload.Data?.CreditsCharged is { } charged ? new ImageGenerationUsage { CreditsUsed = charged } : null,
        payload);

    /// <summary>
    /// The states public clients see (<c>pending</c>, <c>processing</c>, <c>completed</c>, <c>failed</c>) plus the synonyms
    /// one of them accepts; anything else counts as still running until <c>MaxWait</c>.
    /// </summary>
    public static ImageGenerationStatus MapStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "completed" or "complete" or "success" or "succeeded" or "succeed" or "done" => ImageGenerationStatus.Succeeded,
        "failed" or "error" or "cancelled" or "canceled" => ImageGenerationStatus.Failed,
        "pending" or "queued" => ImageGenerationStatus.Queued,
        _ => ImageGenerationStatus.Running,
    };

    private OperationSnapshot Snapshot(string id, string? statusWord, string? url, string? error, ImageGenerationUsage? usage, object raw)
    {
        var status = MapStatus(statusWord);
        if (status == ImageGenerationStatus.Succeeded && string.IsNullOrWhiteSpace(url))
        {
            status = ImageGenerationStatus.Failed;
            error ??= "the task completed without an image URL";
        }

        return new OperationSnapshot
        {
            Id = id,
            Status = status,
            Message = statusWord,
            Result = status == ImageGenerationStatus.Succeeded
                ? new ImageGenerationResult { Provider = Provider, OperationId = id, Images = [Image(url!, id)], Usage = usage, RawRepresentation = raw }
                : null,
            Failure = status == ImageGenerationStatus.Failed ? Failure(error, id, usage?.CreditsUsed) : null,
        };
    }

    /// <summary>A finished task without an image: content-filtered when the vendor's reason says so, failed otherwise.</summary>
    public static NanoBananaException Failure(string? vendorMessage, string operationId, decimal? creditsUsed)
    {
        var charged = creditsUsed is { } credits ? $" {credits} credit(s) were charged." : string.Empty;
        var text = SensitiveText.Sanitize(vendorMessage) ?? "no reason given";
        if (ContentBlockWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return new NanoBananaContentFilteredException(
                $"{Provider}'s content filter blocked task {operationId} (\"{text}\").{charged} Change the prompt or the reference images; resending them as they are will not help.")
            { Provider = Provider, OperationId = operationId, ErrorCode = "content_blocked" };
        }

        return new NanoBananaGenerationFailedException($"{Provider} task {operationId} failed (\"{text}\").{charged}")
        { Provider = Provider, OperationId = operationId, ErrorCode = "generation_failed" };
    }

    /// <summary>The result URL as given; its lifetime is undocumented, so no expiry is set.</summary>
    private GeneratedImage Image(string url, string operationId)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new NanoBananaException($"{Provider} returned an image URL the SDK cannot use for task {operationId}: '{SensitiveText.Sanitize(url)}'.")
            { Provider = Provider, OperationId = operationId };
        }

        var mediaType = BananaProMediaTypes.FromPath(uri.AbsolutePath);
        return download is null ? GeneratedImage.FromUri(uri, mediaType) : GeneratedImage.FromUri(uri, mediaType, expiresAt: null, download);
    }
}
