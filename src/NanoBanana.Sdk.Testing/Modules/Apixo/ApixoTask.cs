using NanoBanana.Sdk.Testing.Jobs;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// One APIXO task: an <see cref="EmulatedJob"/> (which decides when it ends) plus what the APIXO wire adds: the model, the
/// failCode, the callback URL and the completion time. The first unfinished poll reports <c>pending</c>, later ones
/// <c>processing</c>, so <c>CompleteAfterPolls = 3</c> reads pending, processing, success.
/// </summary>
internal sealed class ApixoTask(EmulatedJob job, string? failCode, Uri? callbackUrl)
{
    private readonly Lock _gate = new();
    private int _polls;
    private DateTimeOffset? _completedAt;

    public string Id => job.Id;

    public string Model => job.Model;

    public DateTimeOffset CreatedAt => job.CreatedAt;

    public JobOutcome Outcome => job.Outcome;

    public string? FailCode { get; } = failCode;

    public Uri? CallbackUrl { get; } = callbackUrl;

    /// <summary>Counts one status poll and returns what that poll observes.</summary>
    public ApixoTaskView Poll(DateTimeOffset now)
    {
        lock (_gate)
        {
            _polls++;
            return View(job.Poll(), now);
        }
    }

    /// <summary>The final state, for the callback of a task that was created finished.</summary>
    public ApixoTaskView Finish(DateTimeOffset now)
    {
        lock (_gate)
        {
            return View(job.Outcome.FinalStatus, now);
        }
    }

    private ApixoTaskView View(JobStatus status, DateTimeOffset now)
    {
        if (status == JobStatus.Processing)
        {
            return new ApixoTaskView(_polls <= 1 ? "pending" : "processing", null);
        }

        // The task finished when it was first seen finished; later reads repeat that time.
        _completedAt ??= now;
        return new ApixoTaskView(status == JobStatus.Completed ? "success" : "failed", _completedAt);
    }
}
