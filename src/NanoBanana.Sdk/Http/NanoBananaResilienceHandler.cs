using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NanoBanana.Sdk.Telemetry;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// Retries HTTP calls by what they do, on Polly: a submit is retried only when it never reached the vendor
/// (connect failure) or the vendor refused it unrun (429, 503); reads are retried on 408, 429, 5xx, transport
/// errors and attempt timeouts. Every wait is the longer of the backoff and <c>Retry-After</c>, and no wait passes
/// the call's budget; a refusal whose body says a quota is used up (a daily request limit) is not retried at all. Before any attempt, a call waits within the registration's limits
/// (<see cref="NanoBananaResilienceOptions.MaxConcurrentRequests"/>, <see cref="NanoBananaResilienceOptions.RequestsPerMinute"/>)
/// and fails unsent with <see cref="NanoBananaRateLimitException"/> when their queue is full. The DI registration adds it to every
/// provider's <see cref="HttpClient"/>.
/// </summary>
public sealed class NanoBananaResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<TimeSpan> PlannedDelay = new("NanoBanana.PlannedDelay");
    private static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("NanoBanana.Request");

    private readonly NanoBananaResilienceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _submitPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;
    private readonly RequestLimiter? _limiter;
    private readonly bool _ownsLimiter;

    /// <summary>Creates the handler, with limits of its own when <paramref name="options"/> sets any.</summary>
    /// <param name="options">Retry settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for backoff waits; <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <exception cref="ArgumentException">A limit in <paramref name="options"/> is out of range.</exception>
    public NanoBananaResilienceHandler(NanoBananaResilienceOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(options ?? new NanoBananaResilienceOptions(), timeProvider ?? TimeProvider.System, logger, sharedLimiter: null)
    {
        _limiter = RequestLimiter.Create(_options, _timeProvider);
        _ownsLimiter = true;
    }

    /// <summary>Creates a handler that counts against limits it shares with the other handlers of the same registration.</summary>
    internal NanoBananaResilienceHandler(NanoBananaResilienceOptions options, TimeProvider timeProvider, ILogger? logger, RequestLimiter? sharedLimiter)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _limiter = sharedLimiter;
        _submitPipeline = Build(IsSafeToRetrySubmit);
        _readPipeline = Build(IsTransientRead);
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var facts = NanoBananaRequestOptions.GetFacts(request);
        var kind = NanoBananaRequestOptions.GetKind(request);
        if (facts is not null)
        {
            // The SDK re-sends a read whose body breaks off after this point, by these same rules.
            facts.RetrySettings = _options;
        }

        // One slot and one permit per call, held through its retries: a retry answers the same call.
        using var lease = _limiter is null ? null : await _limiter.AcquireAsync(facts?.Provider, cancellationToken).ConfigureAwait(false);

        // The first attempt runs outside the pipeline: most calls succeed at once, and on a small poll the pipeline's
        // per-call state would cost more than the rest of the call. Only an outcome that may be retried enters it.
        var attemptTimeout = kind == HttpRequestKind.Read ? _options.ReadAttemptTimeout : (TimeSpan?)null;
        var first = await AttemptAsync(request, attemptTimeout, cancellationToken).ConfigureAwait(false);
        var retryable = kind == HttpRequestKind.Submit ? IsSafeToRetrySubmit(first) : IsTransientRead(first);
        if (!retryable || _options.MaxRetryAttempts == 0)
        {
            first.ThrowIfException();
            return first.Result!;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Request, request);
        try
        {
            var outcome = await (kind == HttpRequestKind.Submit ? _submitPipeline : _readPipeline).ExecuteOutcomeAsync(
                static async (ctx, retry) => retry.TakeFirstOutcome() is { } first
                    ? first
                    : await retry.Handler.AttemptAsync(retry.Request, retry.AttemptTimeout, ctx.CancellationToken).ConfigureAwait(false),
                context,
                new RetryState(this, request, attemptTimeout, first)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsLimiter)
        {
            _limiter?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Sends one attempt, within <paramref name="attemptTimeout"/> when there is one, as an outcome the retry rules can
    /// judge: a failure becomes an outcome (the pipeline's callbacks must not throw), the caller's cancellation does not.
    /// </summary>
    internal async Task<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, TimeSpan? attemptTimeout, CancellationToken cancellationToken)
    {
        using var timer = attemptTimeout is { } timeout ? new CancellationTokenSource(timeout, _timeProvider) : null;
        using var linked = timer is not null && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token)
            : null;
        try
        {
            return Outcome.FromResult(await base.SendAsync(request, linked?.Token ?? timer?.Token ?? cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException e) when (timer is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<HttpResponseMessage>(
                new TimeoutRejectedException($"The attempt did not complete within its timeout of {attemptTimeout}.", attemptTimeout!.Value, e));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<HttpResponseMessage>(e);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(Func<Outcome<HttpResponseMessage>, bool> isRetryable)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                ShouldHandle = async args => isRetryable(args.Outcome) && await FitsBudgetAsync(args.Context, args.Outcome, args.AttemptNumber).ConfigureAwait(false),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Context.Properties.TryGetValue(PlannedDelay, out var delay) ? delay : _options.BaseDelay),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(Request, null!);
                    Log.Retrying(_logger, request.Method.Method, request.RequestUri?.AbsolutePath, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>Plans the next wait (the longer of the backoff and the vendor's hint) and refuses the retry when it would pass the call's deadline.</summary>
    private async ValueTask<bool> FitsBudgetAsync(ResilienceContext context, Outcome<HttpResponseMessage> outcome, int attemptNumber)
    {
        var backoff = Backoff(_options, attemptNumber);
        var facts = NanoBananaRequestOptions.GetFacts(context.Properties.GetValue(Request, null!));
        TimeSpan? hint = null;
        if (outcome.Result is { } response)
        {
            RetryAdvice advice;
            try
            {
                advice = await HttpErrorMapper.ReadRetryAdviceAsync(response, facts?.ErrorParser, _timeProvider, context.CancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The caller cancelled while the body was read: nobody else will see this answer.
                response.Dispose();
                throw;
            }

            if (advice.QuotaUsedUp)
            {
                // A quota such as a daily request limit does not come back within one call's budget.
                return false;
            }

            hint = advice.Wait;
        }

        var delay = hint > backoff ? hint.Value : backoff;
        if (facts is not null && _timeProvider.GetUtcNow() + delay > facts.Deadline)
        {
            return false;
        }

        context.Properties.Set(PlannedDelay, delay);
        return true;
    }

    /// <summary>The wait before retry <paramref name="attemptNumber"/> (0 for the first): exponential from the base delay, capped, with up to 20 % jitter.</summary>
    internal static TimeSpan Backoff(NanoBananaResilienceOptions options, int attemptNumber)
    {
        var backoff = TimeSpan.FromTicks(Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * (1L << Math.Min(attemptNumber, 20))));
        return backoff + TimeSpan.FromTicks((long)(backoff.Ticks * 0.2 * Random.Shared.NextDouble()));
    }

    private static bool IsSafeToRetrySubmit(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } => true,
        _ => false,
    };

    private static bool IsTransientRead(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";
}
