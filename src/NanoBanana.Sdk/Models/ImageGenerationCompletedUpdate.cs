namespace NanoBanana.Sdk;

/// <summary>The job succeeded; always the last update, and exactly one.</summary>
public sealed record ImageGenerationCompletedUpdate : ImageGenerationUpdate
{
    /// <summary>The final result.</summary>
    public required ImageGenerationResult Result { get; init; }
}
