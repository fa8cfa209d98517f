namespace NanoBanana.Sdk.Http;

/// <summary>
/// How the SDK retries and paces HTTP calls. A submit (paid) is retried only when the vendor provably did not run it; reads
/// (polls, status, models, credits, downloads) are retried on transient failures. The optional limits keep a registration
/// within the vendor's documented concurrency and rate, so the vendor does not have to refuse calls with 429.
/// </summary>
public sealed record NanoBananaResilienceOptions
{
    /// <summary>The most retries after the first attempt (0 turns retries off).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff; each retry doubles it, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff between two attempts (a longer <c>Retry-After</c> is still honoured within the call's budget).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The budget of one read attempt; a read that takes longer is abandoned and retried.</summary>
    public TimeSpan ReadAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most calls in flight at once (a call counts from when it is sent until its response headers arrive, retries
    /// included); further calls wait their turn. <see langword="null"/> for no limit.
    /// </summary>
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>
    /// The most calls started in any 60 seconds (polls and downloads included, as vendors count them); further calls wait
    /// until the window slides on. <see langword="null"/> for no limit.
    /// </summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>
    /// How many calls may wait for each limit; a call beyond it fails at once with <see cref="NanoBananaRateLimitException"/>
    /// and is not sent. <see langword="null"/> lets any number wait (each still within its own budget); 0 never waits.
    /// </summary>
    public int? MaxQueuedRequests { get; set; }

    /// <summary>What is wrong with the retry timing, each named by its key under the provider's section; empty when nothing is.</summary>
    internal IEnumerable<string> TimingProblems()
    {
        if (MaxRetryAttempts < 0)
        {
            yield return "Resilience:MaxRetryAttempts must not be negative.";
        }

        if (BaseDelay < TimeSpan.Zero)
        {
            yield return $"Resilience:BaseDelay must not be negative (was {BaseDelay}).";
        }

        if (MaxDelay < BaseDelay)
        {
            yield return $"Resilience:MaxDelay must not be shorter than BaseDelay (was {MaxDelay}, BaseDelay {BaseDelay}).";
        }

        if (ReadAttemptTimeout <= TimeSpan.Zero)
        {
            yield return $"Resilience:ReadAttemptTimeout must be positive (was {ReadAttemptTimeout}).";
        }
    }
}
