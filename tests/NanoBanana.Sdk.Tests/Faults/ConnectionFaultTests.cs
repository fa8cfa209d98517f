namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// Connection refused, for every provider: the submit provably never reached the vendor, so it is retried within the
/// budget, and then ends in a transient <see cref="NanoBananaException"/> that keeps the connect failure as its cause; a
/// status read is retried the same way and then reported with the job's id.
/// </summary>
public sealed class ConnectionFaultTests(FaultMatrixFixture fixture) : IClassFixture<FaultMatrixFixture>
{
    private static readonly FaultOutcome Refused =
        FaultOutcome.Fails(typeof(NanoBananaException)) with { Inner = typeof(HttpRequestException), SubmitsSent = 0, SubmitsRun = 0 };

    /// <summary>Every provider.</summary>
    public static TheoryData<string> Providers { get; } = [.. FaultProviders.All.Select(p => p.Name)];

    /// <summary>Every provider with a job status.</summary>
    public static TheoryData<string> ProvidersWithStatus { get; } = [.. FaultProviders.All.Where(p => p.StatusPath is not null).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_refused_connection_is_retried_then_reported_as_transient(string provider)
    {
        var row = FaultProviders.Named(provider);
        using var run = new FaultRun(fixture, row, address: ClosedPort.On(row.BaseAddressOf(fixture.Emulator)));
        var request = new ImageGenerationRequest { Prompt = "a quiet street" };
        var ct = TestContext.Current.CancellationToken;

        var error = await run.RunAsync(run.Client.GenerateAsync(request, ct));

        run.AssertOutcome(Refused, error, operationId: null);
        var e = Assert.IsType<NanoBananaException>(error);
        Assert.True(e.IsTransient);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(e.InnerException).HttpRequestError);
        Assert.True(run.Time.Elapsed >= TimeSpan.FromSeconds(1), "the refused submit was not retried after a backoff");
    }

    [Theory]
    [MemberData(nameof(ProvidersWithStatus))]
    public async Task A_status_read_whose_connection_is_refused_is_retried_then_reported_with_the_job_id(string provider)
    {
        var row = FaultProviders.Named(provider);
        using var run = new FaultRun(fixture, row);
        var ct = TestContext.Current.CancellationToken;
        var operation = await run.Time.RunAsync(run.Client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a quiet street" }, ct));
        var elsewhere = row.Create(ClosedPort.On(row.BaseAddressOf(fixture.Emulator)), fixture.Emulator.ApiKey, run.Time);
        var before = run.Time.Elapsed;
        try
        {
            var error = await run.RunAsync(elsewhere.GetGenerationAsync(operation.Id, ct));

            run.AssertOutcome(Refused with { SubmitsSent = 1, SubmitsRun = 1 }, error, operation.Id);
            Assert.True(((NanoBananaException)error!).IsTransient);
            Assert.True(run.Time.Elapsed - before >= TimeSpan.FromSeconds(1), "the refused status read was not retried after a backoff");
        }
        finally
        {
            (elsewhere as IDisposable)?.Dispose();
        }
    }
}
