namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// Connection refused, for every provider: the submit provably never reached the vendor, so it is retried within the
/// budget, and then ends in a transient <see cref="NanoBananaException"/> that keeps the connect failure as its cause.
/// </summary>
public sealed class ConnectionFaultTests(FaultMatrixFixture fixture) : IClassFixture<FaultMatrixFixture>
{
    private static readonly FaultOutcome Refused =
        FaultOutcome.Fails(typeof(NanoBananaException)) with { Inner = typeof(HttpRequestException), SubmitsSent = 0, SubmitsRun = 0 };

    /// <summary>Every provider.</summary>
    public static TheoryData<string> Providers { get; } = [.. FaultProviders.All.Select(p => p.Name)];

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
}
