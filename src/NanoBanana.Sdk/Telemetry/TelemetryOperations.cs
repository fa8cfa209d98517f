namespace NanoBanana.Sdk.Telemetry;

/// <summary>
/// The values of <c>gen_ai.operation.name</c>. A generation is the conventions' <c>generate_content</c>; the job and
/// account calls have no conventional name, so they carry the SDK's own.
/// </summary>
internal static class TelemetryOperations
{
    /// <summary>A whole generation: <c>GenerateAsync</c>, <c>GenerateStreamingAsync</c>, <c>GenerateToStreamAsync</c>.</summary>
    public const string GenerateContent = "generate_content";

    /// <summary>A submit that returns a job: <c>StartGenerationAsync</c>.</summary>
    public const string StartGeneration = "start_generation";

    /// <summary>Resuming a job from its id: <c>GetGenerationAsync</c>.</summary>
    public const string GetGeneration = "get_generation";

    /// <summary>One status read of a job: <c>UpdateStatusAsync</c>, and each poll while waiting or watching.</summary>
    public const string PollGeneration = "poll_generation";

    /// <summary>Waiting for a job to end: <c>WaitForCompletionAsync</c>.</summary>
    public const string WaitGeneration = "wait_generation";

    /// <summary>The vendor's model list.</summary>
    public const string ListModels = "list_models";

    /// <summary>The account's credit balance.</summary>
    public const string GetCredits = "get_credits";
}
