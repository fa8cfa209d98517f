using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// The matrix for native server-sent event streams, every streaming provider × every fault: the stream request is the
/// paid submit, retried only before the stream opens and only when the vendor refused it; a stream that breaks or stalls
/// afterwards ends in a typed exception within its idle budget, never a hang and never a second submit.
/// </summary>
public sealed class StreamFaultTests(FaultMatrixFixture fixture) : IClassFixture<FaultMatrixFixture>
{
    private static readonly FaultCase[] Cases =
    [
        new("429 before the stream opens", t => t.Fault(EmulatorFaultKind.Status, 429) with { RetryAfter = TimeSpan.FromSeconds(4) },
            FaultOutcome.Succeeds with { SubmitsSent = 2, Took = TimeSpan.FromSeconds(4) }),
        new("503 before the stream opens", t => t.Fault(EmulatorFaultKind.Status, 503),
            FaultOutcome.Succeeds with { SubmitsSent = 2 }),
        new("500 before the stream opens", t => t.Fault(EmulatorFaultKind.Status, 500),
            FaultOutcome.Fails(typeof(NanoBananaException), 500) with { SubmitsRun = 0 }),
        new("reset before headers", t => t.Fault(EmulatorFaultKind.ResetBeforeHeaders),
            FaultOutcome.Fails(typeof(NanoBananaException)) with { Mentions = "not resent" }),
        new("stream truncated after one event", t => t.Fault(EmulatorFaultKind.TruncateStream) with { AfterEvents = 1 },
            FaultOutcome.Fails(typeof(NanoBananaException)) with { ErrorCode = "stream_interrupted" }),
        new("stream stalled after one event", t => t.Fault(EmulatorFaultKind.Stall) with { AfterEvents = 1 },
            FaultOutcome.Fails(typeof(NanoBananaTimeoutException))) { Stall = StallEnd.Budget },
        new("HTML page with 200 instead of the stream", t => t.Fault(EmulatorFaultKind.HtmlPage),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "HTML page", SubmitsRun = 0 }),
        new("JSON instead of the stream", t => t.Fault(EmulatorFaultKind.WrongContentType) with { ContentType = "application/json", Body = "{\"status\":\"queued\"}" },
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "application/json content instead of an event stream", SubmitsRun = 0 }),
        new("empty body with 200", t => t.Fault(EmulatorFaultKind.EmptyBody),
            FaultOutcome.Fails(typeof(NanoBananaException), 200) with { Mentions = "empty body", SubmitsRun = 0 }),
    ];

    /// <summary>Every natively streaming provider × every stream fault.</summary>
    public static TheoryData<string, string> Matrix { get; } = FaultMatrix.Rows(Cases, provider => provider.StreamPath is not null);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_stream_fault_has_its_exact_outcome_and_is_never_paid_twice(string provider, string fault)
    {
        var row = FaultProviders.Named(provider);
        var @case = Cases.Single(c => c.Name == fault);
        using var run = new FaultRun(fixture, row, paidPath: row.StreamPath);
        run.Inject(@case, row.StreamPath!, "POST");

        var error = await run.RunAsync(StreamAsync(run.Client), @case, row.StreamPath!, "POST");

        run.AssertOutcome(@case.Expected, error, operationId: null);
    }

    private static async Task StreamAsync(IImageGenerationClient client)
    {
        var updates = await client.GenerateStreamingAsync(new ImageGenerationRequest { Prompt = "a harbour at night" }, TestContext.Current.CancellationToken).ToListAsync();
        Assert.NotEmpty(Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]).Result.Images);
    }
}
