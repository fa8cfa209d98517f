namespace NanoBanana.Sdk.Tests.Operations;

/// <summary>Operation budgets, cancellation and failure, on the fake clock (through the nananobanana client over a stub).</summary>
public sealed class ImageGenerationOperationTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StubHandler NeverFinishingJob() => new StubHandler(_time)
        .OnSubmit(Reply.Json(WireFixtures.AsyncAccepted))
        .OnPoll(Reply.Json(WireFixtures.PollProcessing));

    [Fact]
    public async Task Max_polls_ends_the_wait_with_a_timeout_exception_naming_the_operation()
    {
        var stub = NeverFinishingJob();
        using var client = TestClients.Direct(stub, _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(
            () => _time.RunAsync(operation.WaitForCompletionAsync(PollingStrategy.Fixed(TimeSpan.FromSeconds(3), maxPolls: 2), Ct)));

        Assert.Equal(WireFixtures.GenerationId, e.OperationId);
        Assert.Equal("NanaNanoBanana", e.Provider);
        Assert.Equal(2, stub.RequestsTo(HttpMethod.Get, "/generate").Count);
    }

    [Fact]
    public async Task Max_wait_ends_the_wait_before_a_poll_would_pass_it()
    {
        var stub = NeverFinishingJob();
        using var client = TestClients.Direct(stub, _time);
        var start = _time.Now;
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(
            () => _time.RunAsync(operation.WaitForCompletionAsync(PollingStrategy.Fixed(TimeSpan.FromSeconds(3), maxWait: TimeSpan.FromSeconds(7)), Ct)));

        Assert.Equal(WireFixtures.GenerationId, e.OperationId);
        Assert.Equal([3, 6], stub.RequestsTo(HttpMethod.Get, "/generate").Select(r => (r.At - start).TotalSeconds));
        Assert.True(_time.Now - start <= TimeSpan.FromSeconds(7), "the SDK waited past MaxWait");
    }

    [Fact]
    public async Task Timeout_exception_message_says_how_to_resume()
    {
        using var client = TestClients.Direct(NeverFinishingJob(), _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(
            () => _time.RunAsync(operation.WaitForCompletionAsync(PollingStrategy.Fixed(TimeSpan.FromSeconds(1), maxPolls: 1), Ct)));

        Assert.Contains("GetGenerationAsync", e.Message, StringComparison.Ordinal);
        Assert.Contains(WireFixtures.GenerationId, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_during_a_wait_is_an_operation_canceled_exception()
    {
        var stub = NeverFinishingJob();
        using var client = TestClients.Direct(stub, _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        using var cts = new CancellationTokenSource();

        var wait = operation.WaitForCompletionAsync(cts.Token);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.IsNotAssignableFrom<NanoBananaException>(e);
        Assert.Empty(stub.RequestsTo(HttpMethod.Get, "/generate"));
    }

    [Fact]
    public async Task Cancellation_during_a_watch_is_an_operation_canceled_exception()
    {
        using var client = TestClients.Direct(NeverFinishingJob(), _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        using var cts = new CancellationTokenSource();

        var watch = operation.WatchAsync(cancellationToken: cts.Token).ToListAsync();
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch);
    }

    [Fact]
    public async Task Value_of_a_failed_operation_throws_generation_failed_with_the_operation_id()
    {
        var stub = new StubHandler(_time)
            .OnSubmit(Reply.Json(WireFixtures.AsyncAccepted))
            .OnPoll(Reply.Json(WireFixtures.PollFailed));
        using var client = TestClients.Direct(stub, _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var wait = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => _time.RunAsync(operation.WaitForCompletionAsync(Ct)));
        var value = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);

        Assert.Equal(WireFixtures.GenerationId, wait.OperationId);
        Assert.Equal(WireFixtures.GenerationId, value.OperationId);
        Assert.Equal(ImageGenerationStatus.Failed, operation.Status);
    }

    [Fact]
    public async Task Value_of_a_running_operation_throws_invalid_operation()
    {
        using var client = TestClients.Direct(NeverFinishingJob(), _time);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        Assert.Throws<InvalidOperationException>(() => operation.Value);
    }

    [Fact]
    public async Task A_poll_error_during_the_wait_surfaces_as_a_typed_exception()
    {
        var stub = new StubHandler(_time)
            .OnSubmit(Reply.Json(WireFixtures.AsyncAccepted))
            .OnPoll(Reply.Json("""{"error":"Invalid or missing API key"}""", System.Net.HttpStatusCode.Unauthorized));
        using var client = TestClients.Direct(stub, _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => _time.RunAsync(operation.WaitForCompletionAsync(Ct)));

        Assert.Equal(WireFixtures.GenerationId, e.OperationId);
    }

    [Fact]
    public async Task Operation_to_string_names_provider_id_and_status()
    {
        using var client = TestClients.Direct(NeverFinishingJob(), _time);

        var operation = await client.StartGenerationAsync(TestClients.Request("a secret prompt"), Ct);

        Assert.Equal($"NanaNanoBanana operation {WireFixtures.GenerationId}: running", operation.ToString());
    }
}
