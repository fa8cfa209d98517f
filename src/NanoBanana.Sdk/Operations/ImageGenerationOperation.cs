namespace NanoBanana.Sdk;

/// <summary>
/// A long-running generation job, shaped like Azure's <c>Operation&lt;T&gt;</c>. Resume it elsewhere with
/// <see cref="IImageGenerationClient.GetGenerationAsync"/> and its <see cref="Id"/>.
/// </summary>
public abstract class ImageGenerationOperation
{
    /// <summary>Creates an operation; for providers and test doubles.</summary>
    protected ImageGenerationOperation()
    {
    }

    /// <summary>The vendor's job id.</summary>
    public abstract string Id { get; }

    /// <summary>The provider running the job.</summary>
    public abstract string Provider { get; }

    /// <summary>The state last read from the vendor.</summary>
    public abstract ImageGenerationStatus Status { get; }

    /// <summary>Progress from 0 to 100 as last read, where the vendor reports it.</summary>
    public abstract int? Percent { get; }

    /// <summary>Whether the job has reached an end state.</summary>
    public bool HasCompleted => Status.IsTerminal;

    /// <summary>Whether the job succeeded and <see cref="Value"/> holds its result.</summary>
    public abstract bool HasValue { get; }

    /// <summary>The result of a succeeded job.</summary>
    /// <exception cref="InvalidOperationException">The job has not finished yet.</exception>
    /// <exception cref="NanoBananaException">The job ended failed; the exception says why and names the job.</exception>
    public abstract ImageGenerationResult Value { get; }

    /// <summary>Reads the job's state from the vendor once (no call once it has ended).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The new state.</returns>
    public abstract Task<ImageGenerationStatus> UpdateStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Polls with the provider's documented cadence until the job ends.</summary>
    /// <param name="cancellationToken">Cancels the wait; the job keeps running at the vendor.</param>
    /// <returns>The result.</returns>
    /// <exception cref="NanoBananaTimeoutException">The strategy's <see cref="PollingStrategy.MaxWait"/> or poll budget ran out.</exception>
    public Task<ImageGenerationResult> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(null, cancellationToken);

    /// <summary>Polls until the job ends.</summary>
    /// <param name="strategy">The cadence and budget; <see langword="null"/> uses the provider's default.</param>
    /// <param name="cancellationToken">Cancels the wait; the job keeps running at the vendor.</param>
    /// <returns>The result.</returns>
    /// <exception cref="NanoBananaTimeoutException">The strategy's <see cref="PollingStrategy.MaxWait"/> or poll budget ran out.</exception>
    public abstract Task<ImageGenerationResult> WaitForCompletionAsync(PollingStrategy? strategy, CancellationToken cancellationToken = default);

    /// <summary>Polls until the job ends, yielding a progress update per poll and then exactly one completed update.</summary>
    /// <param name="strategy">The cadence and budget; <see langword="null"/> uses the provider's default.</param>
    /// <param name="cancellationToken">Cancels the watch.</param>
    /// <returns>The updates.</returns>
    public abstract IAsyncEnumerable<ImageGenerationUpdate> WatchAsync(PollingStrategy? strategy = null, CancellationToken cancellationToken = default);

    /// <summary>Describes the operation.</summary>
    /// <returns>Its provider, id and state.</returns>
    public override string ToString() => $"{Provider} operation {Id}: {Status}";
}
