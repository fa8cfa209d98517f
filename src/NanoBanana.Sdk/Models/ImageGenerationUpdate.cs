namespace NanoBanana.Sdk;

/// <summary>One update from <see cref="IImageGenerationClient.GenerateStreamingAsync"/> or <see cref="ImageGenerationOperation.WatchAsync"/>.</summary>
public abstract record ImageGenerationUpdate
{
    /// <summary>The job id, when known at this point.</summary>
    public string? OperationId { get; init; }

    /// <summary>The update's position in the sequence, starting at 0.</summary>
    public int SequenceNumber { get; init; }
}
