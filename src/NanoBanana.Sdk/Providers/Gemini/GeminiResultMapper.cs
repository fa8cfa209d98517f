using System.Text;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Maps a <c>GenerateContentResponse</c> onto the common result: thought parts are skipped, the image is the last
/// non-thought inline image (3.1 Flash Image sends a 1K draft before the requested size), the text parts become
/// <see cref="ImageGenerationResult.Text"/>. A blocked prompt and every image <c>finishReason</c> become typed exceptions.
/// </summary>
internal static class GeminiResultMapper
{
    private const string Provider = GeminiImageClient.ProviderId;

    /// <summary>Finish reasons of Google's safety and policy filters.</summary>
    private static readonly string[] FilteredReasons = ["SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT", "IMAGE_PROHIBITED_CONTENT", "BLOCKLIST", "SPII"];

    private static readonly string[] RecitationReasons = ["RECITATION", "IMAGE_RECITATION"];

    /// <param name="response">The answer (for a stream, the chunks merged).</param>
    /// <param name="operationId">The id the result and any failure carry.</param>
    /// <exception cref="NanoBananaContentFilteredException">The prompt or the output was blocked.</exception>
    /// <exception cref="NanoBananaGenerationFailedException">The answer has no image.</exception>
    public static ImageGenerationResult ToResult(GeminiGenerateContentResponse response, string? operationId)
    {
        var image = ResultImage(response, operationId, inline => !inline.Data.IsEmpty).InlineData!;
        return new ImageGenerationResult
        {
            Provider = Provider,
            OperationId = operationId,
            Images = [GeneratedImage.FromBytes(image.Data, image.MimeType)],
            Text = Text(response),
            Usage = Usage(response.UsageMetadata),
            RawRepresentation = response,
        };
    }

    /// <summary>Checks the answer and returns the part holding the result image.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="operationId">The id any failure carries.</param>
    /// <param name="carriesImage">Whether an inline-data part holds an image.</param>
    /// <exception cref="NanoBananaContentFilteredException">The prompt or the output was blocked.</exception>
    /// <exception cref="NanoBananaGenerationFailedException">The answer has no image.</exception>
    public static GeminiPart ResultImage(GeminiGenerateContentResponse response, string? operationId, Func<GeminiInlineData, bool> carriesImage)
    {
        if (response.PromptFeedback?.BlockReason is { } blockReason)
        {
            var detail = Detail(response.PromptFeedback.BlockReasonMessage);
            throw Filtered(
                $"Gemini blocked the prompt (blockReason {blockReason}{detail}); nothing was generated. Change the prompt; resending it as it is will not help.",
                blockReason,
                operationId);
        }

        var candidate = Candidate(response);
        var image = candidate?.Content?.Parts.LastOrDefault(part => part.Thought != true && part.InlineData is { } inline && carriesImage(inline));
        var reason = candidate?.FinishReason;
        var said = Detail(candidate?.FinishMessage ?? Text(response));

        if (reason is not null && FilteredReasons.Contains(reason, StringComparer.Ordinal))
        {
            throw Filtered(
                $"Gemini's safety filters withheld the output (finishReason {reason}{said}). Change the prompt or the reference images; resending them as they are will not help.",
                reason,
                operationId);
        }

        if (reason is not null && RecitationReasons.Contains(reason, StringComparer.Ordinal))
        {
            throw Filtered(
                $"Gemini withheld the output because it recited existing content too closely (finishReason {reason}{said}). Change the prompt.",
                "RECITATION",
                operationId);
        }

        return image ?? throw new NanoBananaGenerationFailedException(
            $"Gemini answered without an image (finishReason {reason ?? "not given"}{said}). The call may have been charged; rephrasing the prompt to ask for an image often helps.")
        {
            Provider = Provider,
            ErrorCode = reason is null or "STOP" or "FINISH_REASON_UNSPECIFIED" ? "NO_IMAGE" : reason,
            OperationId = operationId,
        };
    }

    /// <summary>The first candidate's non-thought text, joined; <see langword="null"/> when there is none.</summary>
    public static string? Text(GeminiGenerateContentResponse response) => Text(Candidate(response)?.Content?.Parts ?? []);

    /// <summary>The non-thought text parts, joined; <see langword="null"/> when there are none.</summary>
    public static string? Text(IEnumerable<GeminiPart> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Thought != true && part.Text is { } piece)
            {
                text.Append(piece);
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>Thinking is billed as output, so thought tokens count as output tokens.</summary>
    public static ImageGenerationUsage? Usage(GeminiUsageMetadata? usage) => usage is null ? null : new ImageGenerationUsage
    {
        InputTokens = usage.PromptTokenCount,
        OutputTokens = usage.CandidatesTokenCount is null && usage.ThoughtsTokenCount is null
            ? null
            : (usage.CandidatesTokenCount ?? 0) + (usage.ThoughtsTokenCount ?? 0),
        TotalTokens = usage.TotalTokenCount,
    };

    private static GeminiCandidate? Candidate(GeminiGenerateContentResponse response) => response.Candidates.Count > 0 ? response.Candidates[0] : null;

    private static NanoBananaContentFilteredException Filtered(string message, string code, string? operationId) =>
        new(message) { Provider = Provider, ErrorCode = code, OperationId = operationId };

    private static string Detail(string? text) => SensitiveText.Sanitize(text) is { } clean ? $": \"{clean}\"" : string.Empty;
}
