using NanoBanana.Sdk.Testing.Jobs;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// A submitted task as the assumed status path reports it: <c>pending</c> at the first poll, <c>processing</c> at later
/// ones, and its outcome from the <c>Scenario.CompleteAfterPolls</c>-th poll on (the first poll already shows the
/// outcome when that is 1).
/// </summary>
internal sealed class EmulatedTask(EmulatedJob job)
{
    private int _polls;

    public EmulatedJob Job { get; } = job;

    /// <summary>Counts one status poll and returns the status word it observes.</summary>
    public string Poll()
    {
        var status = Job.Poll();
        var poll = Interlocked.Increment(ref _polls);
        return status switch
        {
            JobStatus.Completed => "completed",
            JobStatus.Failed => "failed",
            _ when poll == 1 => "pending",
            _ => "processing",
        };
    }
}
