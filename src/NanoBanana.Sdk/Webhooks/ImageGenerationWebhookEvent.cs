namespace NanoBanana.Sdk.Webhooks;

/// <summary>A verified vendor callback, in the same result model as polling, so handlers need not know the vendor.</summary>
public sealed record ImageGenerationWebhookEvent
{
    /// <summary>The provider that sent it.</summary>
    public required string Provider { get; init; }

    /// <summary>An id for de-duplication: vendors retry deliveries, so handle each id once.</summary>
    public required string EventId { get; init; }

    /// <summary>The job the event is about.</summary>
    public required string OperationId { get; init; }

    /// <summary>The job's state.</summary>
    public required ImageGenerationStatus Status { get; init; }

    /// <summary>The result, when <see cref="Status"/> is <see cref="ImageGenerationStatus.Succeeded"/>.</summary>
    public ImageGenerationResult? Result { get; init; }

    /// <summary>Why the job failed, when <see cref="Status"/> is <see cref="ImageGenerationStatus.Failed"/>: the same exception polling would throw.</summary>
    public NanoBananaException? Error { get; init; }

    /// <summary>The vendor's own payload record this event was mapped from.</summary>
    public object? RawRepresentation { get; init; }
}
