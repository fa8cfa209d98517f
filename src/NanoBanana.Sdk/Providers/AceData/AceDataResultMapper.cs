namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Maps Ace Data answers (a sync answer, a task record, a callback body) onto the common result, status and exception
/// model. Polling and the webhook parser share it, so a callback and a poll of the same task give the same outcome.
/// </summary>
internal sealed class AceDataResultMapper(string provider, ImageDownloader? download)
{
    /// <summary>The state of a task from its record, as polling reads it.</summary>
    public OperationSnapshot FromTask(AceDataTask task, string requestedId) =>
        Snapshot(task.Response, task, task.Id ?? task.Response?.TaskId ?? requestedId, task);

    /// <summary>The state an images answer or callback body reports for its task.</summary>
    public OperationSnapshot FromResponse(AceDataImageResponse response, string operationId) =>
        Snapshot(response, null, operationId, response);

    /// <summary>A finished task without images: content-filtered when the vendor says so, failed otherwise.</summary>
    public NanoBananaException Failure(AceDataError? error, string? fallbackMessage, string? operationId, string? traceId)
    {
        var job = operationId is null ? "the task" : $"task {operationId}";
        var text = Http.SensitiveText.Sanitize(error?.Message ?? fallbackMessage) ?? "no reason given";
        if (AceDataErrorParser.IsContentBlock(error?.Code, text))
        {
            return new NanoBananaContentFilteredException(
                $"{provider}'s content policy blocked {job} (\"{text}\"). Change the prompt or reference images; resending them unchanged will not help.")
            {
                Provider = provider,
                OperationId = operationId,
                RequestId = traceId,
                ErrorCode = error?.Code ?? "content_filtered",
            };
        }

        return new NanoBananaGenerationFailedException($"{provider} {job} failed (\"{text}\").")
        {
            Provider = provider,
            OperationId = operationId,
            RequestId = traceId,
            ErrorCode = error?.Code ?? "generation_failed",
            // api_error is the vendor's server error ("fetch failed" upstream): the same request may well succeed again.
            IsTransient = error?.Code == "api_error",
        };
    }

    private OperationSnapshot Snapshot(AceDataImageResponse? response, AceDataTask? record, string id, object raw)
    {
        // A sync answer may carry no task id; failures then name no job rather than an empty one.
        var operationId = id.Length == 0 ? null : id;
        var status = AceDataTaskState.Classify(response, record);
        var urls = AceDataTaskState.ImageUrls(response);
        if (status == ImageGenerationStatus.Succeeded && urls.Count == 0)
        {
            return Failed(id, Failure(null, "the task finished without image URLs", operationId, response?.TraceId ?? record?.TraceId), "finished without images");
        }

        if (status == ImageGenerationStatus.Failed)
        {
            var reason = response?.Message ?? response?.Status ?? record?.Status ?? "the task ended without images";
            return Failed(id, Failure(response?.Error, reason, operationId, response?.TraceId ?? record?.TraceId), response?.Status ?? record?.Status);
        }

        return new OperationSnapshot
        {
            Id = id,
            Status = status,
            Message = response?.Status ?? record?.Status ?? response?.State ?? record?.State,
            Result = status == ImageGenerationStatus.Succeeded
                ? new ImageGenerationResult { Provider = provider, OperationId = operationId, Images = Images(urls), RawRepresentation = raw }
                : null,
        };
    }

    private static OperationSnapshot Failed(string id, NanoBananaException failure, string? message) => new()
    {
        Id = id,
        Status = ImageGenerationStatus.Failed,
        Message = message,
        Failure = failure,
    };

    private List<GeneratedImage> Images(IReadOnlyList<string> urls) => [.. urls.Select(url =>
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new NanoBananaException($"{provider} returned an image URL the SDK cannot use: '{Http.SensitiveText.Sanitize(url)}'.") { Provider = provider };
        }

        // The vendor does not say how long result URLs live, so ExpiresAt stays unknown.
        return download is null
            ? GeneratedImage.FromUri(uri, MediaTypeOf(uri))
            : GeneratedImage.FromUri(uri, MediaTypeOf(uri), null, download);
    })];

    private static string? MediaTypeOf(Uri uri) => Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => null,
    };
}
