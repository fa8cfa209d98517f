using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// The matrix for the status read after the vendor accepted a job, every provider with a job status × every fault: a
/// read is free, so transient failures are retried (an answer cut off mid-body included) and the job completes; anything
/// else surfaces with the job's id, so the caller can resume it. The submit is never sent again.
/// </summary>
public sealed class PollFaultTests(FaultMatrixFixture fixture) : IClassFixture<FaultMatrixFixture>
{
    private static readonly FaultCase[] Cases =
    [
        new("500 once", t => t.Fault(EmulatorFaultKind.Status, 500), FaultOutcome.Succeeds),
        new("502 once", t => t.Fault(EmulatorFaultKind.Status, 502), FaultOutcome.Succeeds),
        new("503 once", t => t.Fault(EmulatorFaultKind.Status, 503), FaultOutcome.Succeeds),
        new("504 once", t => t.Fault(EmulatorFaultKind.Status, 504), FaultOutcome.Succeeds),
        new("429 with Retry-After in seconds", t => t.Fault(EmulatorFaultKind.Status, 429) with { RetryAfter = TimeSpan.FromSeconds(5) }, FaultOutcome.Succeeds),
        new("429 with Retry-After as an HTTP date", t => t.Fault(EmulatorFaultKind.Status, 429) with { RetryAfterDate = t.Now.AddSeconds(6) }, FaultOutcome.Succeeds),
        new("HTML error page with 502 once", t => t.Fault(EmulatorFaultKind.HtmlPage, 502), FaultOutcome.Succeeds),
        new("reset before headers once", t => t.Fault(EmulatorFaultKind.ResetBeforeHeaders), FaultOutcome.Succeeds),
        new("read stalled past its attempt timeout once", t => t.Fault(EmulatorFaultKind.Stall), FaultOutcome.Succeeds) { Stall = StallEnd.AttemptTimeout },
        new("500 every time", t => t.Fault(EmulatorFaultKind.Status, 500) with { Times = 100 },
            FaultOutcome.Fails(typeof(NanoBananaException), 500)),
        new("reset mid-body once", t => t.Fault(EmulatorFaultKind.ResetMidBody), FaultOutcome.Succeeds),
        new("reset mid-body every time", t => t.Fault(EmulatorFaultKind.ResetMidBody) with { Times = 100 },
            FaultOutcome.Fails(typeof(NanoBananaException)) with { Inner = typeof(IOException) }),
        new("429 asking for a wait past the budget", t => t.Fault(EmulatorFaultKind.Status, 429) with { RetryAfter = TimeSpan.FromHours(1) },
            FaultOutcome.Fails(typeof(NanoBananaRateLimitException), 429)),
        new("HTML page with 200", t => t.Fault(EmulatorFaultKind.HtmlPage),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "HTML page" }),
        new("empty body with 200", t => t.Fault(EmulatorFaultKind.EmptyBody),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "empty body" }),
        new("wrong content type", t => t.Fault(EmulatorFaultKind.WrongContentType),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "text/plain content instead of JSON" }),
        new("malformed JSON", t => t.Fault(EmulatorFaultKind.Malformed),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "could not read", ShowsParserDetail = true }),
        new("oversized body", t => t.Fault(EmulatorFaultKind.Oversized),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "limit" }),
        new("redirect to another host", t => t.Fault(EmulatorFaultKind.Redirect, 302) with { RedirectTo = t.OtherHost },
            FaultOutcome.Fails(typeof(NanoBananaException), 302) with { Mentions = "redirected" }),
    ];

    /// <summary>Every provider with a job status × every status-read fault.</summary>
    public static TheoryData<string, string> Matrix { get; } = FaultMatrix.Rows(Cases, provider => provider.StatusPath is not null);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_status_read_fault_is_retried_or_reported_with_the_job_id(string provider, string fault)
    {
        var row = FaultProviders.Named(provider);
        var @case = Cases.Single(c => c.Name == fault);
        using var run = new FaultRun(fixture, row);
        var ct = TestContext.Current.CancellationToken;
        var operation = await run.Time.RunAsync(run.Client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a red fox in snow" }, ct));
        run.Inject(@case, row.StatusPath!, row.StatusMethod);

        var error = await run.RunAsync(CompleteAsync(operation, ct), @case, row.StatusPath!, row.StatusMethod);

        run.AssertOutcome(@case.Expected, error, operation.Id);
    }

    private static async Task CompleteAsync(ImageGenerationOperation operation, CancellationToken cancellationToken)
    {
        var result = await operation.WaitForCompletionAsync(FaultProviders.Polling, cancellationToken);
        Assert.Equal(operation.Id, result.OperationId);
        Assert.NotEmpty(result.Images);
    }
}
