namespace NanoBanana.Sdk.Http;

/// <summary>
/// How the SDK retries HTTP calls. A submit (paid) is retried only when the vendor provably did not run it; reads
/// (polls, status, models, credits, downloads) are retried on transient failures.
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
}
