namespace NanoBanana.Sdk.Tests.Providers.NanaNanoBanana;

/// <summary>Async mode polling on the fake clock: the vendor's documented cadence and server hints.</summary>
public sealed class NanaNanoBananaPollingTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StubHandler JobCompletingAtPoll(int completingPoll)
    {
        var polls = Enumerable.Repeat(Reply.Json(WireFixtures.PollProcessing), completingPoll - 1).Append(Reply.Json(WireFixtures.PollCompleted));
        return new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.AsyncAccepted)).OnPoll([.. polls]);
    }

    [Fact]
    public async Task Default_cadence_polls_five_seconds_after_submit_then_every_three_seconds()
    {
        var stub = JobCompletingAtPoll(4);
        using var client = TestClients.Direct(stub, _time);
        var submittedAt = _time.Now;

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        var offsets = stub.RequestsTo(HttpMethod.Get, "/generate").Select(r => r.At - submittedAt);
        Assert.Equal([5, 8, 11, 14], offsets.Select(o => o.TotalSeconds));
    }

    [Fact]
    public async Task Wait_for_completion_returns_the_result_of_the_completing_poll()
    {
        using var client = TestClients.Direct(JobCompletingAtPoll(2), _time);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        var result = await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        Assert.Equal(WireFixtures.GenerationId, result.OperationId);
        Assert.Equal(new Uri(WireFixtures.ImageUrl), Assert.Single(result.Images).Uri);
        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.True(operation.HasValue);
    }

    [Fact]
    public async Task Nothing_is_polled_before_the_initial_delay_has_passed()
    {
        var stub = JobCompletingAtPoll(1);
        using var client = TestClients.Direct(stub, _time);
        var submittedAt = _time.Now;
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var wait = operation.WaitForCompletionAsync(Ct);
        var due = await _time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(4.9));

        Assert.Equal(TimeSpan.FromSeconds(5), due - submittedAt);
        Assert.Empty(stub.RequestsTo(HttpMethod.Get, "/generate"));
        Assert.False(wait.IsCompleted);
        await _time.RunAsync(wait);
    }

    [Fact]
    public async Task A_resumed_operation_polls_every_three_seconds()
    {
        var stub = new StubHandler(_time).OnPoll(
            Reply.Json(WireFixtures.PollProcessing), Reply.Json(WireFixtures.PollProcessing), Reply.Json(WireFixtures.PollCompleted));
        using var client = TestClients.Direct(stub, _time);
        var start = _time.Now;

        var operation = await client.GetGenerationAsync(WireFixtures.GenerationId, Ct);
        await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        Assert.Equal([0, 3, 6], stub.RequestsTo(HttpMethod.Get, "/generate").Select(r => (r.At - start).TotalSeconds));
    }

    [Fact]
    public async Task Retry_after_on_a_processing_poll_response_delays_the_next_poll_when_longer()
    {
        var stub = new StubHandler(_time)
            .OnSubmit(Reply.Json(WireFixtures.AsyncAccepted))
            .OnPoll(Reply.Json(WireFixtures.PollProcessing, retryAfter: TimeSpan.FromSeconds(10)), Reply.Json(WireFixtures.PollCompleted));
        using var client = TestClients.Direct(stub, _time);
        var submittedAt = _time.Now;

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        Assert.Equal([5, 15], stub.RequestsTo(HttpMethod.Get, "/generate").Select(r => (r.At - submittedAt).TotalSeconds));
    }

    [Fact]
    public async Task Retry_after_shorter_than_the_interval_does_not_speed_polling_up()
    {
        var stub = new StubHandler(_time)
            .OnSubmit(Reply.Json(WireFixtures.AsyncAccepted))
            .OnPoll(Reply.Json(WireFixtures.PollProcessing, retryAfter: TimeSpan.FromSeconds(1)), Reply.Json(WireFixtures.PollCompleted));
        using var client = TestClients.Direct(stub, _time);
        var submittedAt = _time.Now;

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        Assert.Equal([5, 8], stub.RequestsTo(HttpMethod.Get, "/generate").Select(r => (r.At - submittedAt).TotalSeconds));
    }

    [Fact]
    public async Task Watch_yields_a_progress_update_per_running_poll_then_one_completed_update()
    {
        using var client = TestClients.Direct(JobCompletingAtPoll(3), _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var updates = await _time.RunAsync(operation.WatchAsync(cancellationToken: Ct).ToListAsync());

        Assert.Equal(3, updates.OfType<ImageGenerationProgressUpdate>().Count());
        Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.Single(updates.OfType<ImageGenerationCompletedUpdate>());
        Assert.All(updates, u => Assert.Equal(WireFixtures.GenerationId, u.OperationId));
    }

    [Fact]
    public async Task Update_status_reads_once_and_not_at_all_after_the_job_ended()
    {
        var stub = JobCompletingAtPoll(1);
        using var client = TestClients.Direct(stub, _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var first = await operation.UpdateStatusAsync(Ct);
        var second = await operation.UpdateStatusAsync(Ct);

        Assert.Equal(ImageGenerationStatus.Succeeded, first);
        Assert.Equal(ImageGenerationStatus.Succeeded, second);
        Assert.Single(stub.RequestsTo(HttpMethod.Get, "/generate"));
    }
}
