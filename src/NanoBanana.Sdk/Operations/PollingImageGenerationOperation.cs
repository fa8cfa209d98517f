using System.Diagnostics;
using System.Runtime.CompilerServices;
using NanoBanana.Sdk.Telemetry;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk;

/// <summary>
/// The one operation every provider returns: it holds the last snapshot and reads the next through the
/// provider's status call. A sync-only vendor hands it a terminal snapshot, so it never polls. Each status read is a
/// <c>poll_generation</c> span and each wait a <c>wait_generation</c> span; when it sees the job end, it records the job's
/// end metrics (from the submit, when this process made it).
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
    private long _polls;

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
        _snapshot = Settled(initial);
        _poll = poll;
        _defaultStrategy = defaultStrategy;
        _timeProvider = timeProvider;
        _justSubmitted = justSubmitted;
        _webhooks = webhooks;
        _createdAt = timeProvider.GetTimestamp();
        _maxPercent = initial.Percent ?? 0;
    }

    /// <summary>The last state read; a job its submit already ended is recorded from it by the submitting call, which knows its time.</summary>
    internal OperationSnapshot Snapshot => _snapshot;

    public override string Id => _snapshot.Id;
    public override string Provider { get; }
    public override ImageGenerationStatus Status => _snapshot.Status;
    public override int? Percent => _snapshot.Status == ImageGenerationStatus.Succeeded ? 100 : _snapshot.Percent is null ? null : _maxPercent;
    public override bool HasValue => _snapshot.Result is not null;

    public override ImageGenerationResult Value => _snapshot switch
    {
        { Result: { } result } => result,
        { Failure: { } failure } => throw failure,
        _ => throw new InvalidOperationException(
            $"{Provider} job {Id} is still {Status}; call WaitForCompletionAsync or UpdateStatusAsync first."),
    };

    public override async Task<ImageGenerationStatus> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        if (!HasCompleted)
        {
            await PollAsync(nameof(UpdateStatusAsync), cancellationToken).ConfigureAwait(false);
        }

        return Status;
    }

    public override async Task<ImageGenerationResult> WaitForCompletionAsync(PollingStrategy? strategy, CancellationToken cancellationToken = default)
    {
        using var call = TelemetryCall.Start(
            TelemetryOperations.WaitGeneration, nameof(WaitForCompletionAsync), Provider, null, _timeProvider, ActivityKind.Internal);
        call.Identify(Id);
        try
        {
            var result = await WaitCoreAsync(strategy, cancellationToken).ConfigureAwait(false);
            call.Succeeded(result);
            return result;
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
        finally
        {
            call.Status(Status);
            call.Activity?.SetTag(TelemetryTags.JobPolls, Interlocked.Read(ref _polls));
        }
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
            await PollAsync(nameof(WatchAsync), cancellationToken).ConfigureAwait(false);
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

    private async Task<ImageGenerationResult> WaitCoreAsync(PollingStrategy? strategy, CancellationToken cancellationToken)
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

    /// <summary>Reads the job's state once, in a span of its own.</summary>
    private async Task PollAsync(string method, CancellationToken cancellationToken)
    {
        using var call = TelemetryCall.Start(TelemetryOperations.PollGeneration, method, Provider, null, _timeProvider);
        call.Identify(Id);
        try
        {
            Interlocked.Increment(ref _polls);
            Apply(await _poll(Id, cancellationToken).ConfigureAwait(false));
            call.Status(Status);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    private void Apply(OperationSnapshot snapshot)
    {
        var ended = HasCompleted;
        _snapshot = Settled(snapshot);
        _maxPercent = Math.Max(_maxPercent, snapshot.Percent ?? 0);
        if (!ended && HasCompleted)
        {
            RecordEnd(_justSubmitted ? _timeProvider.GetElapsedTime(_createdAt) : null);
        }
    }

    /// <summary>A snapshot of an ended job that holds neither a result nor a failure gets a failure, so every read of <see cref="Value"/> throws the same one.</summary>
    private OperationSnapshot Settled(OperationSnapshot snapshot) =>
        snapshot.Status.IsTerminal && snapshot.Result is null && snapshot.Failure is null
            ? snapshot with
            {
                Failure = new NanoBananaGenerationFailedException($"{Provider} job {snapshot.Id} ended {snapshot.Status} without a result.")
                {
                    Provider = Provider,
                    OperationId = snapshot.Id,
                },
            }
            : snapshot;

    /// <summary>Records the job's end once; the generation time counts from the submit, so it is known only when this process made it.</summary>
    private void RecordEnd(TimeSpan? elapsed)
    {
        var polls = Interlocked.Read(ref _polls);
        if (_snapshot.Result is { } result)
        {
            JobTelemetry.Succeeded(Provider, result, result.Images.Count, result.Usage, elapsed, polls);
        }
        else
        {
            JobTelemetry.Failed(Provider, _snapshot.Failure!, elapsed, polls);
        }
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
