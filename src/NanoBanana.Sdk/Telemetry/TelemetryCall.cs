using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NanoBanana.Sdk.Telemetry;

/// <summary>
/// One public call: its span (when someone listens) and its <c>gen_ai.client.operation.duration</c> measurement, taken on
/// the client's clock when the call is disposed. The caller reports how the call ended; a call that started a job and
/// saw it end also records the job's end through <see cref="JobTelemetry"/>, timed from the call's start.
/// </summary>
internal sealed class TelemetryCall : IDisposable
{
    private readonly string _operation;
    private readonly string _provider;
    private readonly string? _model;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly bool _startsJob;
    private string? _errorType;

    private TelemetryCall(Activity? activity, string operation, string provider, string? model, TimeProvider timeProvider, bool startsJob)
    {
        Activity = activity;
        _operation = operation;
        _provider = provider;
        _model = model;
        _timeProvider = timeProvider;
        _startsJob = startsJob;
        _started = timeProvider.GetTimestamp();
    }

    /// <summary>The call's span, or <see langword="null"/> when no listener samples it.</summary>
    public Activity? Activity { get; }

    /// <summary>The time since the call started, on the client's clock.</summary>
    public TimeSpan Elapsed => _timeProvider.GetElapsedTime(_started);

    /// <summary>Starts a call; its span becomes <see cref="Activity.Current"/>, so HTTP attempts and polls nest under it.</summary>
    /// <param name="operation">The <c>gen_ai.operation.name</c>, one of <see cref="TelemetryOperations"/>.</param>
    /// <param name="method">The SDK method called, for <c>nanobanana.method</c>.</param>
    /// <param name="provider">The provider's name.</param>
    /// <param name="model">The model asked for, when known.</param>
    /// <param name="timeProvider">The client's clock.</param>
    /// <param name="kind">The span kind: a client call by default, internal for waits.</param>
    /// <param name="startsJob">Whether the call submits the job it reports on, so the job's end it sees is timed from the call's start.</param>
    /// <returns>The call.</returns>
    public static TelemetryCall Start(
        string operation, string method, string provider, string? model, TimeProvider timeProvider, ActivityKind kind = ActivityKind.Client, bool startsJob = false)
    {
        var activity = NanoBananaTelemetry.ActivitySource.StartActivity(model is null ? operation : $"{operation} {model}", kind);
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.OperationName, operation);
            activity.SetTag(TelemetryTags.ProviderName, provider);
            activity.SetTag(TelemetryTags.Method, method);
            if (model is not null)
            {
                activity.SetTag(TelemetryTags.RequestModel, model);
            }
        }

        return new TelemetryCall(activity, operation, provider, model, timeProvider, startsJob);
    }

    /// <summary>Names the job the call is about: <c>gen_ai.response.id</c> and <c>nanobanana.operation.id</c>.</summary>
    /// <param name="operationId">The job id; nothing is tagged when it is null.</param>
    public void Identify(string? operationId)
    {
        if (Activity is not null && operationId is not null)
        {
            Activity.SetTag(TelemetryTags.ResponseId, operationId);
            Activity.SetTag(TelemetryTags.OperationId, operationId);
        }
    }

    /// <summary>Tags the job's state as the call last saw it.</summary>
    /// <param name="status">The state.</param>
    public void Status(ImageGenerationStatus status) => Activity?.SetTag(TelemetryTags.JobStatus, status.Value);

    /// <summary>Tags the model the vendor says it ran (<c>gen_ai.response.model</c>).</summary>
    /// <param name="model">The model; nothing is tagged when it is null or blank.</param>
    public void ResponseModel(string? model)
    {
        if (!string.IsNullOrWhiteSpace(model))
        {
            Activity?.SetTag(TelemetryTags.ResponseModel, model);
        }
    }

    /// <summary>The call returned a finished job: tags its id and usage and, when the call started it, records the job's end once.</summary>
    /// <param name="result">The result.</param>
    public void Succeeded(ImageGenerationResult result) => Succeeded(result, result.OperationId, result.Images.Count, result.Usage);

    /// <summary>The call finished a job whose images went elsewhere than a result (to the caller's streams).</summary>
    /// <param name="job">What identifies the job's end, recorded once.</param>
    /// <param name="operationId">The job or response id, when known.</param>
    /// <param name="imageCount">The images it returned.</param>
    /// <param name="usage">What it cost, where the vendor says.</param>
    public void Succeeded(object job, string? operationId, int imageCount, ImageGenerationUsage? usage)
    {
        Identify(operationId);
        Status(ImageGenerationStatus.Succeeded);
        if (Activity is { } activity)
        {
            activity.SetTag(TelemetryTags.ImageCount, imageCount);
            if (usage is not null)
            {
                activity.SetTag(TelemetryTags.InputTokens, usage.InputTokens);
                activity.SetTag(TelemetryTags.OutputTokens, usage.OutputTokens);
                activity.SetTag(TelemetryTags.CreditsUsed, (double?)usage.CreditsUsed);
                activity.SetTag(TelemetryTags.CreditsRemaining, (double?)usage.RemainingCredits);
            }
        }

        if (_startsJob)
        {
            JobTelemetry.Succeeded(_provider, job, imageCount, usage, Elapsed, polls: null);
        }
    }

    /// <summary>
    /// The call ran a job to its end and hands it out as an operation: a result is <see cref="Succeeded(ImageGenerationResult)"/>;
    /// a failure is recorded as the job's end without failing the call, which did its part.
    /// </summary>
    /// <param name="snapshot">The job's end state.</param>
    public void Ended(OperationSnapshot snapshot)
    {
        if (snapshot.Result is { } result)
        {
            Succeeded(result);
            return;
        }

        Identify(snapshot.Id);
        Status(snapshot.Status);
        if (_startsJob && snapshot.Failure is { } failure)
        {
            JobTelemetry.Failed(_provider, failure, Elapsed, polls: null);
        }
    }

    /// <summary>The call hands a job out as an operation; when the submit already ended the job, that end is recorded, with this call's time.</summary>
    /// <param name="operation">The operation handed out.</param>
    public void Started(ImageGenerationOperation operation)
    {
        if (operation is PollingImageGenerationOperation { HasCompleted: true } ended)
        {
            Ended(ended.Snapshot);
        }
    }

    /// <summary>
    /// The call failed: the span's status is Error with <c>error.type</c>, the type of the exception (its message is
    /// not recorded). When the call started the job and the failure is the job's own end, the job's end is recorded once.
    /// </summary>
    /// <param name="exception">The failure.</param>
    public void Failed(Exception exception)
    {
        _errorType = exception.GetType().FullName;
        if (Activity is { } activity)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity.SetTag(TelemetryTags.ErrorType, _errorType);
            if (exception is NanoBananaException { OperationId: { } id })
            {
                activity.SetTag(TelemetryTags.OperationId, id);
            }
        }

        if (_startsJob && JobTelemetry.IsJobOutcome(exception))
        {
            JobTelemetry.Failed(_provider, exception, Elapsed, polls: null);
        }
    }

    /// <summary>
    /// Yields a streaming call's updates with this call's span current while each one is produced (an iterator resumes in
    /// its consumer's context after every yield, which would otherwise parent later polls elsewhere), and reports the
    /// completed update or the failure.
    /// </summary>
    /// <param name="updates">The updates.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The same updates.</returns>
    public async IAsyncEnumerable<ImageGenerationUpdate> TraceAsync(
        IAsyncEnumerable<ImageGenerationUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    if (Activity is not null)
                    {
                        Activity.Current = Activity;
                    }

                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    Failed(e);
                    throw;
                }

                if (!more)
                {
                    yield break;
                }

                if (enumerator.Current is ImageGenerationCompletedUpdate completed)
                {
                    Succeeded(completed.Result);
                }

                yield return enumerator.Current;
            }
        }
    }

    /// <summary>Starts a job and yields its poll-driven updates, traced as <see cref="TraceAsync"/>: the stream of a vendor without one.</summary>
    /// <param name="start">Submits the job.</param>
    /// <param name="strategy">The polling cadence; <see langword="null"/> for the operation's default.</param>
    /// <param name="cancellationToken">Cancels the submit and the watch.</param>
    /// <returns>The updates.</returns>
    public IAsyncEnumerable<ImageGenerationUpdate> StartAndWatchAsync(
        Func<CancellationToken, Task<ImageGenerationOperation>> start, PollingStrategy? strategy, CancellationToken cancellationToken) =>
        TraceAsync(WatchNewAsync(start, strategy, cancellationToken), cancellationToken);

    /// <summary>Ends the span and records the call's duration, with <c>error.type</c> when it failed.</summary>
    public void Dispose()
    {
        var tags = new TagList
        {
            { TelemetryTags.OperationName, _operation },
            { TelemetryTags.ProviderName, _provider },
        };
        if (_model is not null)
        {
            tags.Add(TelemetryTags.RequestModel, _model);
        }

        if (_errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, _errorType);
        }

        NanoBananaTelemetry.OperationDuration.Record(Elapsed.TotalSeconds, in tags);
        Activity?.Dispose();
    }

    private static async IAsyncEnumerable<ImageGenerationUpdate> WatchNewAsync(
        Func<CancellationToken, Task<ImageGenerationOperation>> start, PollingStrategy? strategy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var operation = await start(cancellationToken).ConfigureAwait(false);
        await foreach (var update in operation.WatchAsync(strategy, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }
}
