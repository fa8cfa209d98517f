using NanoBanana.Sdk.Failover;

namespace NanoBanana.Sdk.Tests.Failover;

/// <summary>Which failures prove that no job was accepted, so the next provider may run it.</summary>
public sealed class FailoverRuleTests
{
    /// <summary>Failures after which no vendor has the job.</summary>
    public static TheoryData<Exception> Refusals { get; } =
    [
        new NanoBananaAuthenticationException("401") { StatusCode = 401 },
        new NanoBananaQuotaExceededException("402") { StatusCode = 402 },
        new NanoBananaRateLimitException("429") { StatusCode = 429 },
        new NanoBananaRateLimitException("503 busy") { StatusCode = 503 },
        new NanoBananaException("302") { StatusCode = 302 },
        new NanoBananaException("refused", new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")),
        new NanoBananaException("no such host", new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known")),
    ];

    /// <summary>Failures after which a vendor may have (or has) the job, or the input itself is wrong.</summary>
    public static TheoryData<Exception> Acceptances { get; } =
    [
        new NanoBananaRateLimitException("429 on a poll") { StatusCode = 429, OperationId = "job-1" },
        new NanoBananaAuthenticationException("401 on a poll") { StatusCode = 401, OperationId = "job-1" },
        new NanoBananaException("500") { StatusCode = 500 },
        new NanoBananaException("502") { StatusCode = 502 },
        new NanoBananaException("400") { StatusCode = 400 },
        new NanoBananaException("reset", new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely")),
        new NanoBananaException("cut off", new IOException("The response ended prematurely")),
        new NanoBananaTimeoutException("budget"),
        new NanoBananaContentFilteredException("blocked"),
        new NanoBananaGenerationFailedException("failed") { OperationId = "job-1" },
        new ArgumentException("empty prompt"),
        new NotSupportedException("7:3"),
        new OperationCanceledException(),
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_before_any_job_lets_the_next_provider_run_it(Exception failure) =>
        Assert.True(FailoverRule.NoJobAccepted(failure));

    [Theory]
    [MemberData(nameof(Acceptances))]
    public void A_failure_once_a_job_may_exist_keeps_the_job_where_it_is(Exception failure) =>
        Assert.False(FailoverRule.NoJobAccepted(failure));
}
