using System.Runtime.CompilerServices;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk;

/// <summary>
/// The one operation every provider returns: it holds the last snapshot and reads the next through the
/// provider's status call. A sync-only vendor hands it a terminal snapshot, so it never polls.
/// </summary>
internal sealed class PollingImageGenerationOperation : ImageGenerationOperation
{
    private readonly Func<string, CancellationToken, Task<OperationSnapshot>> _poll;
    private readonly PollingStrategy _defaultStrategy;
    private readonly TimeProvider _timeProvider;
    private readonly bool _justSubmitted;
    private readonly ImageGenerationWebhookHub? _webhooks;
    private readonly long _createdAt;
    private OperationSnapshot _snapshot;
    private int _maxPercent;

    public PollingImageGenerationOperation(
        string provider,
        OperationSnapshot initial,
        Func<string, CancellationToken, Task<OperationSnapshot>> poll,
        PollingStrategy defaultStrategy,
        TimeProvider timeProvider,
        bool justSubmitted,
        ImageGenerationWebhookHub? webhooks = null)
    {
        Provider = provider;
        _snapshot = initial;
        _poll = poll;
        _defaultStrategy = defaultStrategy;
        _timeProvider = timeProvider;
        _justSubmitted = justSubmitted;
        _webhooks = webhooks;
        _createdAt = timeProvider.GetTimestamp();
        _maxPercent = initial.Percent ?? 0;
    }

    public override string Id => _snapshot.Id;
    public override string Provider { get; }
    public override ImageGenerationStatus Status => _snapshot.Status;
    public override int? Percent => _snapshot.Status == ImageGenerationStatus.Succeeded ? 100 : _snapshot.Percent is null ? null : _maxPercent;
    public override bool HasValue => _snapshot.Result is not null;

    public override ImageGenerationResult Value => _snapshot switch
    {
        { Result: { } result } => result,
        { Failure: { } failure } => throw failure,
        _ when HasCompleted => throw new NanoBananaGenerationFailedException(
            $"{Provider} job {Id} ended {Status} without a result.") { Provider = Provider, OperationId = Id },
        _ => throw new InvalidOperationException(
            $"{Provider} job {Id} is still {Status}; call WaitForCompletionAsync or UpdateStatusAsync first."),
    };

    public override async Task<ImageGenerationStatus> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        if (!HasCompleted)
        {
            Apply(await _poll(Id, cancellationToken).ConfigureAwait(false));
        }

        return Status;
    }

    public override async Task<ImageGenerationResult> WaitForCompletionAsync(PollingStrategy? strategy, CancellationToken cancellationToken = default)
    {
        await foreach (var update in WatchAsync(strategy, cancellationToken).ConfigureAwait(false))
        {
            if (update is ImageGenerationCompletedUpdate completed)
            {
                return completed.Result;
            }
        }

        return Value;
    }

    public override async IAsyncEnumerable<ImageGenerationUpdate> WatchAsync(
        PollingStrategy? strategy = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        strategy ??= _defaultStrategy;
        var started = _timeProvider.GetTimestamp();
        var sequence = 0;
        var polls = 0;

        ImageGenerationProgressUpdate? previous = null;
        while (!HasCompleted)
        {
            var progress = Progress(sequence++);
            // A poll that learned nothing new is a keep-alive, as a vendor's heartbeat event is.
            previous = progress with { IsHeartbeat = previous is not null && previous.Status == progress.Status && previous.Percent == progress.Percent };
            yield return previous;

            if (strategy.MaxPolls is { } maxPolls && polls >= maxPolls)
            {
                throw Timeout($"reached MaxPolls ({polls})");
            }

            var delay = strategy.GetDelay(_justSubmitted ? polls : polls + 1, _snapshot.RetryAfter);
            if (_justSubmitted && polls == 0)
            {
                // The first wait counts from the submit, not from when the caller started waiting.
                var sinceSubmit = _timeProvider.GetElapsedTime(_createdAt);
                delay = delay > sinceSubmit ? delay - sinceSubmit : TimeSpan.Zero;
            }

            if (_timeProvider.GetElapsedTime(started) + delay > strategy.MaxWait)
            {
                throw Timeout($"the next poll would pass MaxWait ({strategy.MaxWait})");
            }

            if (await WaitForPollOrCallbackAsync(delay, cancellationToken).ConfigureAwait(false) is { } callback)
            {
                Apply(callback);
                continue;
            }

            polls++;
            Apply(await _poll(Id, cancellationToken).ConfigureAwait(false));
        }

        yield return new ImageGenerationCompletedUpdate { OperationId = Id, SequenceNumber = sequence, Result = Value };
    }

    /// <summary>Waits out the poll delay, returning early with the job's state when its callback arrives first.</summary>
    private async Task<OperationSnapshot?> WaitForPollOrCallbackAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (_webhooks is null)
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            return null;
        }

        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poll = Task.Delay(delay, _timeProvider, race.Token);
        var callback = _webhooks.WaitAsync(Provider, Id, race.Token);
        var first = await Task.WhenAny(poll, callback).ConfigureAwait(false);
        await race.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (first != callback || !callback.IsCompletedSuccessfully)
        {
            return null;
        }

        var webhookEvent = callback.Result;
        return new OperationSnapshot
        {
            Id = Id,
            Status = webhookEvent.Status,
            Message = "callback received",
            Result = webhookEvent.Result,
            Failure = webhookEvent.Error,
        };
    }

    private void Apply(OperationSnapshot snapshot)
    {
        _snapshot = snapshot;
        _maxPercent = Math.Max(_maxPercent, snapshot.Percent ?? 0);
    }

    private ImageGenerationProgressUpdate Progress(int sequence) => new()
    {
        OperationId = Id,
        SequenceNumber = sequence,
        Status = Status,
        Percent = Percent,
        Message = _snapshot.Message,
    };

    private NanoBananaTimeoutException Timeout(string reason) => new(
        $"{Provider} job {Id} is still {Status}: the SDK {reason}. The job may still finish; resume it with GetGenerationAsync(\"{Id}\").")
    {
        Provider = Provider,
        OperationId = Id,
        IsTransient = true,
    };
}
