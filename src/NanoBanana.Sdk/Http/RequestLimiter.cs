using System.Threading.RateLimiting;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// The client-side limits of one provider registration: a call first waits for one of
/// <see cref="NanoBananaResilienceOptions.MaxConcurrentRequests"/> slots, then for room among
/// <see cref="NanoBananaResilienceOptions.RequestsPerMinute"/>; a call that finds either queue full fails unsent with
/// <see cref="NanoBananaRateLimitException"/>. Waits end with the caller's token, which carries the call's budget.
/// </summary>
internal sealed class RequestLimiter : IDisposable
{
    /// <summary>The <see cref="NanoBananaException.ErrorCode"/> of a call the SDK refused before sending it.</summary>
    public const string RejectedCode = "client_rate_limited";

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly NanoBananaResilienceOptions _options;
    private readonly ConcurrencyLimiter? _concurrency;
    private readonly RollingWindowRateLimiter? _rate;
    private readonly Func<string?> _provider;

    private RequestLimiter(NanoBananaResilienceOptions options, TimeProvider timeProvider, Func<string?> provider)
    {
        _options = options with { };
        _provider = provider;
        var queueLimit = options.MaxQueuedRequests ?? int.MaxValue;
        if (options.MaxConcurrentRequests is { } concurrent)
        {
            _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = concurrent,
                QueueLimit = queueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }

        if (options.RequestsPerMinute is { } perMinute)
        {
            _rate = new RollingWindowRateLimiter(perMinute, Minute, queueLimit, timeProvider);
        }
    }

    /// <summary>The limiter the settings ask for, or <see langword="null"/> when they set no limit.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock of the per-minute window.</param>
    /// <param name="provider">Names the provider in a refusal; <see langword="null"/> when unknown.</param>
    /// <exception cref="ArgumentException">A limit is out of range.</exception>
    public static RequestLimiter? Create(NanoBananaResilienceOptions options, TimeProvider timeProvider, Func<string?>? provider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        return options.MaxConcurrentRequests is null && options.RequestsPerMinute is null
            ? null
            : new RequestLimiter(options, timeProvider, provider ?? (static () => null));
    }

    /// <summary>What is wrong with the limits, one sentence each, naming the setting.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The problems; empty when the limits are valid.</returns>
    public static IEnumerable<string> Problems(NanoBananaResilienceOptions options)
    {
        if (options.MaxConcurrentRequests is < 1)
        {
            yield return $"Resilience:MaxConcurrentRequests must be at least 1, or unset for no limit (was {options.MaxConcurrentRequests}).";
        }

        if (options.RequestsPerMinute is < 1)
        {
            yield return $"Resilience:RequestsPerMinute must be at least 1, or unset for no limit (was {options.RequestsPerMinute}).";
        }

        if (options.MaxQueuedRequests is < 0)
        {
            yield return $"Resilience:MaxQueuedRequests must not be negative, or unset to let any number wait (was {options.MaxQueuedRequests}).";
        }
    }

    /// <summary>Waits for a slot and a permit; dispose the returned lease when the call has its answer.</summary>
    /// <param name="provider">The provider the call is for, named in a refusal; <see langword="null"/> to name the registration's.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>The concurrency lease, or <see langword="null"/> when concurrency is not limited.</returns>
    /// <exception cref="NanoBananaRateLimitException">A queue was full; nothing was sent.</exception>
    public async ValueTask<RateLimitLease?> AcquireAsync(string? provider, CancellationToken cancellationToken)
    {
        RateLimitLease? slot = null;
        if (_concurrency is not null)
        {
            slot = await _concurrency.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!slot.IsAcquired)
            {
                using (slot)
                {
                    throw Refused(slot, provider, $"{_options.MaxConcurrentRequests} calls in flight (Resilience:MaxConcurrentRequests)");
                }
            }
        }

        if (_rate is not null)
        {
            try
            {
                using var permit = await _rate.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!permit.IsAcquired)
                {
                    throw Refused(permit, provider, $"{_options.RequestsPerMinute} calls per minute (Resilience:RequestsPerMinute)");
                }
            }
            catch
            {
                slot?.Dispose();
                throw;
            }
        }

        return slot;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _concurrency?.Dispose();
        _rate?.Dispose();
    }

    private NanoBananaRateLimitException Refused(RateLimitLease lease, string? callProvider, string limit)
    {
        TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        var provider = callProvider ?? _provider();
        var queued = _options.MaxQueuedRequests is { } max ? $"{max} call(s) already wait" : "calls already wait";
        return new NanoBananaRateLimitException(
            $"{provider ?? "The client"} did not send the call: it is at its limit of {limit} and {queued} (Resilience:MaxQueuedRequests). "
            + "Retry later, or raise these limits if the vendor allows more.")
        {
            Provider = provider,
            ErrorCode = RejectedCode,
            RetryAfter = retryAfter,
            IsTransient = true,
        };
    }
}
