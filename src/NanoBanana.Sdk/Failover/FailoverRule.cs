namespace NanoBanana.Sdk.Failover;

/// <summary>
/// Decides from a provider's failure whether the vendor provably accepted no job, the only case in which another provider
/// may run it without the job being paid twice.
/// </summary>
internal static class FailoverRule
{
    /// <summary>
    /// True when the vendor refused the job unrun (key rejected, no credits, rate limited or busy, a redirect) or was never
    /// reached (connect failure). False once a job id was issued, after a timeout or a failure once the request was sent, a
    /// server error, a content refusal, a failed job, and for invalid input and the caller's cancellation.
    /// </summary>
    public static bool NoJobAccepted(Exception exception) => exception switch
    {
        NanoBananaException { OperationId: not null } => false,
        NanoBananaAuthenticationException or NanoBananaQuotaExceededException or NanoBananaRateLimitException => true,
        NanoBananaException { StatusCode: >= 300 and < 400 } => true,
        NanoBananaException { InnerException: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        _ => false,
    };

    /// <summary>True when a provider answered a status read by saying the id is not one of its jobs, so another provider may know it.</summary>
    public static bool IsUnknownId(Exception exception) =>
        exception is ArgumentException or InvalidOperationException or NanoBananaException { StatusCode: 400 or 404 };
}
