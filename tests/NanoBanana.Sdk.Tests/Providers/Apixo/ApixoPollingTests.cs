namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>Polling on the fake clock: the documented cadence (10 s, then every 3 s), resuming, and the emulated stream.</summary>
public sealed class ApixoPollingTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StubHandler JobFinishingAtPoll(int poll) =>
        ApixoTestClients.Stub(_time, [ApixoWireFixtures.Pending, .. Enumerable.Repeat(ApixoWireFixtures.Processing, poll - 2), ApixoWireFixtures.Success]);

    private static IEnumerable<double> PollOffsets(StubHandler stub, DateTimeOffset start) =>
        stub.RequestsTo(HttpMethod.Get, "/statusTask/nano-banana").Select(r => (r.At - start).TotalSeconds);

    [Fact]
    public async Task Default_cadence_polls_ten_seconds_after_submit_then_every_three_seconds()
    {
        var stub = JobFinishingAtPoll(4);
        using var client = ApixoTestClients.Direct(stub, _time);
        var start = _time.Now;

        var operation = await client.StartGenerationAsync(ApixoTestClients.Request(), Ct);
        await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        Assert.Equal([10, 13, 16, 19], PollOffsets(stub, start));
    }

    [Fact]
    public async Task Generate_submits_then_polls_with_the_documented_cadence_to_the_result()
    {
        var stub = JobFinishingAtPoll(2);
        using var client = ApixoTestClients.Direct(stub, _time);
        var start = _time.Now;

        var result = await _time.RunAsync(client.GenerateAsync(ApixoTestClients.Request(), Ct));

        Assert.Equal(new Uri(ApixoWireFixtures.ImageUrl), Assert.Single(result.Images).Uri);
        Assert.Equal([10, 13], PollOffsets(stub, start));
        Assert.Single(stub.RequestsTo(HttpMethod.Post, "/generateTask/nano-banana"));
    }

    [Fact]
    public async Task Nothing_is_polled_before_ten_seconds_have_passed()
    {
        var stub = JobFinishingAtPoll(2);
        using var client = ApixoTestClients.Direct(stub, _time);
        var start = _time.Now;
        var operation = await client.StartGenerationAsync(ApixoTestClients.Request(), Ct);

        var wait = operation.WaitForCompletionAsync(Ct);
        var due = await _time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(9.9));

        Assert.Equal(TimeSpan.FromSeconds(10), due - start);
        Assert.Empty(stub.RequestsTo(HttpMethod.Get, "/statusTask/nano-banana"));
        Assert.False(wait.IsCompleted);
        await _time.RunAsync(wait);
    }

    [Fact]
    public async Task A_resumed_operation_reads_at_once_then_every_three_seconds()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, "/statusTask/nano-banana",
            Reply.Json(ApixoWireFixtures.Processing), Reply.Json(ApixoWireFixtures.Processing), Reply.Json(ApixoWireFixtures.Success));
        using var client = ApixoTestClients.Direct(stub, _time);
        var start = _time.Now;

        var operation = await client.GetGenerationAsync(ApixoWireFixtures.OperationId, Ct);
        var result = await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        Assert.Equal([0, 3, 6], PollOffsets(stub, start));
        Assert.Equal(ApixoWireFixtures.OperationId, result.OperationId);
    }

    [Theory]
    [InlineData("task_abc123")]
    [InlineData(":task_abc123")]
    [InlineData("nano-banana:")]
    [InlineData("nano banana:task_abc123")]
    public async Task An_id_that_is_not_model_colon_task_is_an_argument_exception_and_nothing_is_sent(string id)
    {
        var stub = new StubHandler(_time);
        using var client = ApixoTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.GetGenerationAsync(id, Ct));

        Assert.Contains("<model>:<taskId>", e.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task A_task_id_containing_a_colon_survives_the_operation_id()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/statusTask/nano-banana", Reply.Json(ApixoWireFixtures.Processing));
        using var client = ApixoTestClients.Direct(stub, _time);

        await client.GetGenerationAsync("nano-banana:task:with:colons", Ct);

        Assert.Equal("?taskId=task%3Awith%3Acolons", Assert.Single(stub.Requests).Uri.Query);
    }

    [Fact]
    public async Task Streaming_yields_a_state_per_poll_marks_repeats_as_heartbeats_and_ends_with_the_result()
    {
        var stub = ApixoTestClients.Stub(_time, ApixoWireFixtures.Pending, ApixoWireFixtures.Processing, ApixoWireFixtures.Processing, ApixoWireFixtures.Success);
        using var client = ApixoTestClients.Direct(stub, _time);

        var updates = await _time.RunAsync(client.GenerateStreamingAsync(ApixoTestClients.Request(), Ct).ToListAsync());

        var progress = updates.OfType<ImageGenerationProgressUpdate>().ToList();
        Assert.Equal(["queued", "queued", "running", "running"], progress.Select(p => p.Status.Value));
        Assert.Equal([false, true, false, true], progress.Select(p => p.IsHeartbeat));
        Assert.All(progress, p => Assert.Null(p.Percent));
        Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.Equal(Enumerable.Range(0, updates.Count), updates.Select(u => u.SequenceNumber));
        Assert.All(updates, u => Assert.Equal(ApixoWireFixtures.OperationId, u.OperationId));
    }

    [Fact]
    public async Task A_failed_stream_throws_the_same_exception_as_generate()
    {
        var stub = ApixoTestClients.Stub(_time, ApixoWireFixtures.Failed);
        using var client = ApixoTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(
            () => _time.RunAsync(client.GenerateStreamingAsync(ApixoTestClients.Request(), Ct).ToListAsync()));

        Assert.Equal(ApixoWireFixtures.OperationId, e.OperationId);
    }
}
