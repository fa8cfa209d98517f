using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// The matrix for the paid submit, every provider × every fault: the sync call of <see cref="IImageGenerationClient.GenerateAsync"/>
/// where the vendor has one, else <see cref="IImageGenerationClient.StartGenerationAsync"/>. A submit is retried only when
/// the vendor refused it unrun (429, 503); everything else surfaces once, typed, and the vendor never runs it twice.
/// </summary>
public sealed class SubmitFaultTests(FaultMatrixFixture fixture) : IClassFixture<FaultMatrixFixture>
{
    private static readonly FaultCase[] Cases =
    [
        new("429 with Retry-After in seconds", t => t.Fault(EmulatorFaultKind.Status, 429) with { RetryAfter = TimeSpan.FromSeconds(7) },
            FaultOutcome.Succeeds with { SubmitsSent = 2, Took = TimeSpan.FromSeconds(7) }),
        new("429 with Retry-After as an HTTP date", t => t.Fault(EmulatorFaultKind.Status, 429) with { RetryAfterDate = t.Now.AddSeconds(9) },
            FaultOutcome.Succeeds with { SubmitsSent = 2, Took = TimeSpan.FromSeconds(9) }),
        new("503 busy", t => t.Fault(EmulatorFaultKind.Status, 503),
            FaultOutcome.Succeeds with { SubmitsSent = 2 }),
        new("429 asking for a wait past the budget", t => t.Fault(EmulatorFaultKind.Status, 429) with { RetryAfter = TimeSpan.FromHours(1) },
            FaultOutcome.Fails(typeof(NanoBananaRateLimitException), 429) with { SubmitsRun = 0 }),
        new("500", t => t.Fault(EmulatorFaultKind.Status, 500),
            FaultOutcome.Fails(typeof(NanoBananaException), 500) with { SubmitsRun = 0 }),
        new("502", t => t.Fault(EmulatorFaultKind.Status, 502),
            FaultOutcome.Fails(typeof(NanoBananaException), 502) with { SubmitsRun = 0 }),
        new("504", t => t.Fault(EmulatorFaultKind.Status, 504),
            FaultOutcome.Fails(typeof(NanoBananaException), 504) with { SubmitsRun = 0 }),
        new("HTML error page with 502", t => t.Fault(EmulatorFaultKind.HtmlPage, 502),
            FaultOutcome.Fails(typeof(NanoBananaException), 502) with { Mentions = "HTML page", SubmitsRun = 0 }),
        new("HTML page with 200", t => t.Fault(EmulatorFaultKind.HtmlPage),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "HTML page", SubmitsRun = 0 }),
        new("empty body with 200", t => t.Fault(EmulatorFaultKind.EmptyBody),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "empty body", SubmitsRun = 0 }),
        new("wrong content type", t => t.Fault(EmulatorFaultKind.WrongContentType),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "text/plain content instead of JSON", SubmitsRun = 0 }),
        new("malformed JSON", t => t.Fault(EmulatorFaultKind.Malformed),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "could not read", ShowsParserDetail = true, SubmitsRun = 0 }),
        new("oversized body", t => t.Fault(EmulatorFaultKind.Oversized),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "limit", SubmitsRun = 0 }),
        new("redirect to another host", t => t.Fault(EmulatorFaultKind.Redirect, 302) with { RedirectTo = t.OtherHost },
            FaultOutcome.Fails(typeof(NanoBananaException), 302) with { Mentions = "redirected", SubmitsRun = 0 }),
        new("reset before headers", t => t.Fault(EmulatorFaultKind.ResetBeforeHeaders),
            FaultOutcome.Fails(typeof(NanoBananaException)) with { Mentions = "not resent", Inner = typeof(HttpRequestException) }),
        new("reset mid-body", t => t.Fault(EmulatorFaultKind.ResetMidBody),
            FaultOutcome.Fails(typeof(NanoBananaException)) with { Mentions = "not resent" }),
        new("answer slower than the budget", t => t.Fault(EmulatorFaultKind.Stall),
            FaultOutcome.Fails(typeof(NanoBananaTimeoutException)) with { Mentions = "not resent" }) { Stall = StallEnd.Budget },
    ];

    /// <summary>Every provider × every submit fault.</summary>
    public static TheoryData<string, string> Matrix { get; } = FaultMatrix.Rows(Cases);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_submit_fault_has_its_exact_outcome_and_is_never_paid_twice(string provider, string fault)
    {
        var row = FaultProviders.Named(provider);
        var @case = Cases.Single(c => c.Name == fault);
        using var run = new FaultRun(fixture, row);
        run.Inject(@case, row.SubmitPath, "POST");

        var error = await run.RunAsync(SubmitAsync(run), @case, row.SubmitPath, "POST");

        run.AssertOutcome(@case.Expected, error, operationId: null);
    }

    private static async Task SubmitAsync(FaultRun run)
    {
        var request = new ImageGenerationRequest { Prompt = "a lighthouse at dusk" };
        var ct = TestContext.Current.CancellationToken;
        if (run.Provider.SyncGenerate)
        {
            Assert.NotEmpty((await run.Client.GenerateAsync(request, ct)).Images);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty((await run.Client.StartGenerationAsync(request, ct)).Id));
        }
    }
}
