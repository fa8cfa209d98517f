using System.Text.Json;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Decides whether a task is running, succeeded or failed. Ace Data documents no status field, so this copies the rules
/// of Ace Data's own SDK (protocols/acedata.md, "Job state machine"): a status word wins; then <c>success: false</c>
/// with a structured error or with image URLs is a failure; then a <c>finished_at</c>; then the appearance of image URLs.
/// A bare-string error without <c>finished_at</c> is a passing hiccup, so the task still counts as running.
/// </summary>
internal static class AceDataTaskState
{
    private static readonly string[] DoneWords = ["succeed", "succeeded", "success", "completed", "complete", "finished"];
    private static readonly string[] FailedWords = ["failed", "failure", "error", "cancelled", "canceled", "rejected"];

    /// <summary>Classifies a task record, or (with <paramref name="record"/> null) an images answer or callback body.</summary>
    public static ImageGenerationStatus Classify(AceDataImageResponse? response, AceDataTask? record)
    {
        // Like Ace Data's SDK: the status words come from the response, or from the record while there is none.
        var words = (response is not null ? [response.Status, response.State] : new[] { record?.Status, record?.State })
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => w!.Trim().ToLowerInvariant())
            .ToList();
        var hasImages = ImageUrls(response).Count > 0;

        if (words.Any(FailedWords.Contains))
        {
            return ImageGenerationStatus.Failed;
        }

        if (words.Any(DoneWords.Contains))
        {
            return hasImages ? ImageGenerationStatus.Succeeded : ImageGenerationStatus.Failed;
        }

        if (words.Count > 0)
        {
            return words.Contains("queued") || words.Contains("pending") ? ImageGenerationStatus.Queued : ImageGenerationStatus.Running;
        }

        if (response?.Success == false && (hasImages || response.Error?.Code is not null))
        {
            return ImageGenerationStatus.Failed;
        }

        if (IsSet(response?.FinishedAt) || IsSet(record?.FinishedAt))
        {
            return response?.Success switch
            {
                true => ImageGenerationStatus.Succeeded,
                false => ImageGenerationStatus.Failed,
                _ => hasImages ? ImageGenerationStatus.Succeeded : ImageGenerationStatus.Running,
            };
        }

        return hasImages ? ImageGenerationStatus.Succeeded : ImageGenerationStatus.Running;
    }

    /// <summary>The non-empty <c>data[].image_url</c> values, in order.</summary>
    public static IReadOnlyList<string> ImageUrls(AceDataImageResponse? response) =>
        response?.Data is { } data
            ? [.. data.Select(image => image?.ImageUrl).Where(url => !string.IsNullOrWhiteSpace(url)).Select(url => url!)]
            : [];

    private static bool IsSet(JsonElement? value) => value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
}
