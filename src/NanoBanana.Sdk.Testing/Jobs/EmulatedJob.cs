namespace NanoBanana.Sdk.Testing.Jobs;

/// <summary>
/// One generation record. It reports <see cref="JobStatus.Processing"/> until it has been polled the number of
/// times it was created with, then reports its outcome for good.
/// </summary>
internal sealed class EmulatedJob
{
    private readonly Lock _gate = new();
    private int _pollsUntilDone;

    // pollsUntilDone is 0 for a job that is already finished (sync and streamed generations).
    public EmulatedJob(
        string id, string prompt, string model, int creditsUsed, DateTimeOffset createdAt, JobOutcome outcome, int pollsUntilDone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pollsUntilDone);
        Id = id;
        Prompt = prompt;
        Model = model;
        CreditsUsed = creditsUsed;
        CreatedAt = createdAt;
        Outcome = outcome;
        _pollsUntilDone = pollsUntilDone;
    }

    public string Id { get; }

    public string Prompt { get; }

    public string Model { get; }

    public int CreditsUsed { get; }

    public DateTimeOffset CreatedAt { get; }

    public JobOutcome Outcome { get; }

    /// <summary>Counts one status poll and returns the status that poll observes.</summary>
    public JobStatus Poll()
    {
        lock (_gate)
        {
            if (_pollsUntilDone > 0)
            {
                _pollsUntilDone--;
            }

            return _pollsUntilDone == 0 ? Outcome.FinalStatus : JobStatus.Processing;
        }
    }
}
