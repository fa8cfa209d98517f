using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Limits;

/// <summary>
/// A call refused by the limits of a client built without dependency injection says which provider refused it, and a
/// refused status read says which job to resume, exactly as one from a registered client does.
/// </summary>
public sealed class DirectClientLimitTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan ArrivalGuard = TimeSpan.FromSeconds(10);
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_refused_by_a_client_built_without_di_names_its_provider_and_is_not_sent()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { Kind = EmulatorFaultKind.Stall, PathSuffix = "/generate", Method = "POST" });
        using var client = OneCallAtATime();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var inFlight = client.GenerateAsync(TestClients.Request(), cancel.Token);
        await UntilReceivedAsync(1);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
        Assert.Equal(RequestLimiter.RejectedCode, e.ErrorCode);
        Assert.StartsWith($"{NanaNanoBananaImageClient.ProviderId} did not send the call", e.Message, StringComparison.Ordinal);
        Assert.Single(_emulator.Requests);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight);
    }

    [Fact]
    public async Task A_status_read_refused_by_the_limits_carries_the_job_id()
    {
        using var client = OneCallAtATime();
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { Kind = EmulatorFaultKind.Stall, PathSuffix = "/generate", Method = "GET" });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var inFlight = operation.UpdateStatusAsync(cancel.Token);
        await UntilReceivedAsync(2);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GetGenerationAsync(operation.Id, Ct));

        Assert.Equal(operation.Id, e.OperationId);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
        Assert.Equal(2, _emulator.Requests.Count);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight);
    }

    private NanaNanoBananaImageClient OneCallAtATime() => new(new NanaNanoBananaImageClientOptions
    {
        ApiKey = _emulator.ApiKey,
        BaseAddress = _emulator.NanaNanoBananaBaseAddress,
        Resilience = new NanoBananaResilienceOptions { MaxConcurrentRequests = 1, MaxQueuedRequests = 0, MaxRetryAttempts = 0 },
    });

    /// <summary>Waits, in real time, until the emulator received <paramref name="count"/> requests (the held one among them).</summary>
    private async Task UntilReceivedAsync(int count)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(ArrivalGuard);
        while (_emulator.Requests.Count < count)
        {
            await Task.Delay(1, guard.Token);
        }
    }
}
