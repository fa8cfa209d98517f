namespace NanoBanana.Sdk;

/// <summary>One reading of a job's state, as a provider maps it from the vendor's status response.</summary>
internal sealed record OperationSnapshot
{
    public required string Id { get; init; }
    public required ImageGenerationStatus Status { get; init; }
    public int? Percent { get; init; }
    public string? Message { get; init; }
    public ImageGenerationResult? Result { get; init; }

    /// <summary>Why the job failed; thrown by <see cref="ImageGenerationOperation.Value"/>.</summary>
    public NanoBananaException? Failure { get; init; }

    /// <summary>The wait the vendor asked for before the next poll.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
