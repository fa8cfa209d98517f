namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>An account webhook endpoint as registered with <c>POST /api/v1/webhooks</c>.</summary>
internal sealed record RegisteredWebhook(long Id, Uri Url, IReadOnlyList<string> Events, string? SecretKey)
{
    public const string Active = "active";

    /// <summary>The event name this endpoint subscribed to for an outcome, in its spelling (<c>job.*</c> first), or null.</summary>
    public string? EventFor(bool completed)
    {
        string[] names = completed ? ["job.completed", "task.completed"] : ["job.failed", "task.failed"];
        return names.FirstOrDefault(Events.Contains);
    }
}
