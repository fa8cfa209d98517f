namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Folds the chunks of a stream into one answer, so a stream ends in exactly the result (or exception) the same answer
/// would give from <c>generateContent</c>: parts in arrival order, the first prompt feedback, the last finish reason
/// and usage.
/// </summary>
internal sealed class GeminiStreamMerger
{
    private readonly List<GeminiPart> _parts = [];
    private GeminiPromptFeedback? _promptFeedback;
    private GeminiUsageMetadata? _usage;
    private string? _modelVersion;
    private string? _finishReason;
    private string? _finishMessage;

    /// <summary>The first <c>responseId</c> seen.</summary>
    public string? ResponseId { get; private set; }

    /// <summary>Adds a chunk; returns its non-thought text, if it has any.</summary>
    public string? Add(GeminiGenerateContentResponse chunk)
    {
        ResponseId ??= chunk.ResponseId;
        _modelVersion ??= chunk.ModelVersion;
        _promptFeedback ??= chunk.PromptFeedback;
        _usage = chunk.UsageMetadata ?? _usage;
        if (chunk.Candidates.Count == 0)
        {
            return null;
        }

        var candidate = chunk.Candidates[0];
        _finishReason = candidate.FinishReason ?? _finishReason;
        _finishMessage = candidate.FinishMessage ?? _finishMessage;
        var parts = candidate.Content?.Parts ?? [];
        _parts.AddRange(parts);
        return GeminiResultMapper.Text(parts);
    }

    /// <summary>The merged answer.</summary>
    /// <exception cref="NanoBananaException">The stream ended with neither a finish reason, a block reason nor an image: it was cut off.</exception>
    public GeminiGenerateContentResponse ToResponse()
    {
        // Gateways may omit finishReason, so an answer that holds an image counts as finished.
        if (_promptFeedback?.BlockReason is null && _finishReason is null && !_parts.Any(p => p.Thought != true && p.InlineData is not null))
        {
            throw GeminiEventStream.Interrupted("it ended without a finishReason");
        }

        return new GeminiGenerateContentResponse
        {
            Candidates = [new GeminiCandidate { Content = new GeminiContent { Role = "model", Parts = _parts }, FinishReason = _finishReason, FinishMessage = _finishMessage }],
            PromptFeedback = _promptFeedback,
            UsageMetadata = _usage,
            ModelVersion = _modelVersion,
            ResponseId = ResponseId,
        };
    }
}
