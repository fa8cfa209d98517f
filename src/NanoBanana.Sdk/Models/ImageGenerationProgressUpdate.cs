namespace NanoBanana.Sdk;

/// <summary>The job is still running.</summary>
public sealed record ImageGenerationProgressUpdate : ImageGenerationUpdate
{
    /// <summary>The job's state.</summary>
    public ImageGenerationStatus Status { get; init; } = ImageGenerationStatus.Running;

    /// <summary>Progress from 0 to 100, never lower than an earlier update's, where the vendor reports it.</summary>
    public int? Percent { get; init; }

    /// <summary>The vendor's human-readable message, if any.</summary>
    public string? Message { get; init; }

    /// <summary>This update is a keep-alive that carried no new progress.</summary>
    public bool IsHeartbeat { get; init; }
}
