namespace NanoBanana.Sdk.Tests.Providers.NanaNanoBanana;

/// <summary>
/// Budgets live in options and run on the injected clock (DESIGN.md section 8); running out of one is a
/// <see cref="NanoBananaTimeoutException"/>, while the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class NanaNanoBananaBudgetTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sync_generate_past_sync_timeout_is_a_timeout_that_warns_it_may_be_charged()
    {
        var stub = new StubHandler(_time).OnAsync(HttpMethod.Post, "/generate", Reply.Hang());
        using var client = TestClients.Direct(stub, _time, o => o.SyncTimeout = TimeSpan.FromSeconds(20));
        var start = _time.Now;

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Equal(TimeSpan.FromSeconds(20), _time.Now - start);
        Assert.Contains("charged", e.Message, StringComparison.Ordinal);
        Assert.Equal("NanaNanoBanana", e.Provider);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task An_async_submit_runs_on_submit_timeout_not_sync_timeout()
    {
        var stub = new StubHandler(_time).OnAsync(HttpMethod.Post, "/generate", Reply.Hang());
        using var client = TestClients.Direct(stub, _time, o =>
        {
            o.SubmitTimeout = TimeSpan.FromSeconds(10);
            o.SyncTimeout = TimeSpan.FromMinutes(5);
        });
        var start = _time.Now;

        await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct)));

        Assert.Equal(TimeSpan.FromSeconds(10), _time.Now - start);
    }

    [Fact]
    public async Task A_poll_past_read_timeout_is_a_timeout_naming_the_operation()
    {
        var stub = new StubHandler(_time).OnAsync(HttpMethod.Get, "/generate", Reply.Hang());
        using var client = TestClients.Direct(stub, _time, o => o.ReadTimeout = TimeSpan.FromSeconds(15));

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.GetGenerationAsync("clslow", Ct)));

        Assert.Equal("clslow", e.OperationId);
    }

    [Fact]
    public async Task Caller_cancellation_of_a_hanging_request_is_operation_canceled_not_a_timeout()
    {
        var stub = new StubHandler(_time).OnAsync(HttpMethod.Post, "/generate", Reply.Hang());
        using var client = TestClients.Direct(stub, _time);
        using var cts = new CancellationTokenSource();

        var call = client.GenerateAsync(TestClients.Request(), cts.Token);
        while (stub.Requests.Count == 0)
        {
            await Task.Yield();
        }

        await cts.CancelAsync();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotAssignableFrom<NanoBananaException>(e);
    }

    [Fact]
    public async Task A_stalled_stream_times_out_after_the_idle_timeout()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.TimedSse(_time, (TimeSpan.Zero, Reply.Events(WireFixtures.StatusStarting))));
        using var client = TestClients.Direct(stub, _time, o => o.StreamIdleTimeout = TimeSpan.FromSeconds(20));
        var start = _time.Now;

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync()));

        Assert.Equal(TimeSpan.FromSeconds(20), _time.Now - start);
        Assert.Equal("NanaNanoBanana", e.Provider);
    }

    [Fact]
    public async Task The_stream_idle_timeout_is_re_armed_by_every_event()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.TimedSse(
            _time,
            (TimeSpan.Zero, Reply.Events(WireFixtures.StatusStarting)),
            (TimeSpan.FromSeconds(15), Reply.Events(WireFixtures.StatusProcessing50)),
            (TimeSpan.FromSeconds(30), Reply.Events(WireFixtures.StatusHeartbeat))));
        using var client = TestClients.Direct(stub, _time, o => o.StreamIdleTimeout = TimeSpan.FromSeconds(20));
        var start = _time.Now;

        await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync()));

        Assert.Equal(TimeSpan.FromSeconds(50), _time.Now - start);
    }

    [Fact]
    public async Task A_slow_but_steady_stream_completes_even_when_it_outlasts_the_idle_timeout()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.TimedSse(
            _time,
            (TimeSpan.Zero, Reply.Events(WireFixtures.StatusStarting)),
            (TimeSpan.FromSeconds(15), Reply.Events(WireFixtures.StatusHeartbeat)),
            (TimeSpan.FromSeconds(30), Reply.Events(WireFixtures.StatusHeartbeat)),
            (TimeSpan.FromSeconds(45), Reply.Events(WireFixtures.StreamComplete))));
        using var client = TestClients.Direct(stub, _time, o => o.StreamIdleTimeout = TimeSpan.FromSeconds(20));

        var updates = await _time.RunAsync(client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync());

        Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
    }
}
