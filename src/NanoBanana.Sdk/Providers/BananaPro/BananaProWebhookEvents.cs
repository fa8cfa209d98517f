namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// The webhook event names. The vendor's pages spell them two ways: every JSON example uses <c>job.*</c>, one event list
/// says <c>task.*</c>. Subscribe with <see cref="Default"/>; <see cref="BananaProWebhookParser"/> accepts both spellings.
/// </summary>
public static class BananaProWebhookEvents
{
    /// <summary>A task finished with an image.</summary>
    public const string JobCompleted = "job.completed";

    /// <summary>A task failed.</summary>
    public const string JobFailed = "job.failed";

    /// <summary>The other spelling of <see cref="JobCompleted"/>.</summary>
    public const string TaskCompleted = "task.completed";

    /// <summary>The other spelling of <see cref="JobFailed"/>.</summary>
    public const string TaskFailed = "task.failed";

    /// <summary>The subscription the SDK recommends: <c>job.completed</c> and <c>job.failed</c>, as in the vendor's examples.</summary>
    public static IReadOnlyList<string> Default { get; } = [JobCompleted, JobFailed];

    /// <summary>The task status an event reports: <c>completed</c>, <c>failed</c>, or <see langword="null"/> for an event the vendor does not document.</summary>
    /// <param name="eventName">The payload's <c>event</c>.</param>
    /// <returns>The status word, or <see langword="null"/>.</returns>
    public static string? StatusOf(string? eventName) => eventName switch
    {
        JobCompleted or TaskCompleted => "completed",
        JobFailed or TaskFailed => "failed",
        _ => null,
    };
}
