namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// One answer, decided before anything is written so that the sync body and the streamed chunks say the same thing:
/// either a blocked prompt (<see cref="BlockReason"/> set, no candidate) or one candidate with its parts and
/// finish reason.
/// </summary>
internal sealed record GeminiGeneration
{
    public required string ModelVersion { get; init; }

    public required string ResponseId { get; init; }

    /// <summary>The <c>promptFeedback.blockReason</c> of a refused prompt; null when a candidate was made.</summary>
    public string? BlockReason { get; init; }

    public IReadOnlyList<OutputPart> Parts { get; init; } = [];

    /// <summary>The candidate's <c>finishReason</c>; null for a blocked prompt.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The candidate's optional human-readable <c>finishMessage</c>.</summary>
    public string? FinishMessage { get; init; }

    public required GeminiUsage Usage { get; init; }
}
