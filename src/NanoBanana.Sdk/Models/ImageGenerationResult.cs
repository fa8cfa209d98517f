namespace NanoBanana.Sdk;

/// <summary>The final result of a generation job.</summary>
public sealed record ImageGenerationResult
{
    /// <summary>The provider that produced it.</summary>
    public required string Provider { get; init; }

    /// <summary>The vendor's job id, when the vendor gave one.</summary>
    public string? OperationId { get; init; }

    /// <summary>The generated images, in the vendor's order.</summary>
    public required IReadOnlyList<GeneratedImage> Images { get; init; }

    /// <summary>Text the model returned beside the images, if any.</summary>
    public string? Text { get; init; }

    /// <summary>What the job cost, where the vendor says.</summary>
    public ImageGenerationUsage? Usage { get; init; }

    /// <summary>The vendor's own response record this result was mapped from.</summary>
    public object? RawRepresentation { get; init; }
}
