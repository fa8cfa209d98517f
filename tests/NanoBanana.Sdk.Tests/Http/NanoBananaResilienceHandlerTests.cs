using System.Net;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Tests.Http;

/// <summary>
/// Retries by what a request does (DESIGN.md section 8): a paid submit is resent only when the vendor provably did not
/// run it; reads are retried on transient failures. The handler runs over a stub on the fake clock.
/// </summary>
public sealed class NanoBananaResilienceHandlerTests
{
    private static readonly NanoBananaResilienceOptions Retries = new() { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1) };
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_answered_500_is_sent_exactly_once()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.Json("""{"error":"Internal server error"}""", HttpStatusCode.InternalServerError));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Equal(500, e.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Submit_answered_502_is_sent_exactly_once()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.Status(HttpStatusCode.BadGateway));
        using var client = TestClients.Resilient(stub, _time, Retries);

        await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Submit_refused_unrun_is_retried_after_retry_after(HttpStatusCode status)
    {
        var stub = new StubHandler(_time).OnSubmit(
            Reply.Json(WireFixtures.ServerBusy, status, retryAfter: TimeSpan.FromSeconds(10)),
            Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var result = await _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(WireFixtures.GenerationId, result.OperationId);
        var submits = stub.RequestsTo(HttpMethod.Post, "/generate");
        Assert.Equal(2, submits.Count);
        Assert.Equal(TimeSpan.FromSeconds(10), submits[1].At - submits[0].At);
    }

    [Fact]
    public async Task Retry_waits_the_backoff_when_it_is_longer_than_retry_after()
    {
        var stub = new StubHandler(_time).OnSubmit(
            Reply.Json(WireFixtures.ServerBusy, HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(1)),
            Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries with { BaseDelay = TimeSpan.FromSeconds(5) });

        await _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        var submits = stub.RequestsTo(HttpMethod.Post, "/generate");
        Assert.Equal(2, submits.Count);
        Assert.InRange((submits[1].At - submits[0].At).TotalSeconds, 5, 6);
    }

    [Fact]
    public async Task Resent_submit_carries_the_same_body()
    {
        var stub = new StubHandler(_time).OnSubmit(
            Reply.Status(HttpStatusCode.TooManyRequests),
            Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries);

        await _time.RunAsync(client.GenerateAsync(TestClients.Request("same body twice"), Ct));

        var submits = stub.RequestsTo(HttpMethod.Post, "/generate");
        Assert.Equal(2, submits.Count);
        Assert.Equal(submits[0].BodyText, submits[1].BodyText);
        Assert.Contains("same body twice", submits[1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_that_failed_to_connect_is_retried()
    {
        var stub = new StubHandler(_time).OnSubmit(
            Reply.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")),
            Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var result = await _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(WireFixtures.GenerationId, result.OperationId);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Submit_whose_response_ended_after_sending_is_not_retried_and_says_it_may_be_charged()
    {
        var cause = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("reset"));
        var stub = new StubHandler(_time).OnSubmit(Reply.Throw(cause), Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Single(stub.Requests);
        Assert.Contains("may have been charged", e.Message, StringComparison.Ordinal);
        Assert.Same(cause, e.InnerException);
    }

    [Fact]
    public async Task Submit_failing_with_an_io_exception_is_not_retried_and_says_it_may_be_charged()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.Throw(new IOException("Unable to read data from the transport connection.")), Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Single(stub.Requests);
        Assert.Contains("may have been charged", e.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(e.InnerException);
    }

    [Fact]
    public async Task Get_answered_500_then_200_is_retried_and_succeeds()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, "/credits", Reply.Status(HttpStatusCode.InternalServerError), Reply.Json(WireFixtures.Credits));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var credits = await _time.RunAsync(client.GetCreditsAsync(Ct));

        Assert.Equal(100m, credits.Credits);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Poll_answered_429_with_retry_after_is_retried_after_that_wait()
    {
        var stub = new StubHandler(_time).OnPoll(
            Reply.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(8)),
            Reply.Json(WireFixtures.PollCompleted));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var operation = await _time.RunAsync(client.GetGenerationAsync(WireFixtures.GenerationId, Ct));

        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        var polls = stub.Requests;
        Assert.Equal(2, polls.Count);
        Assert.Equal(TimeSpan.FromSeconds(8), polls[1].At - polls[0].At);
    }

    [Fact]
    public async Task Get_with_a_transport_error_is_retried()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, "/models",
            Reply.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")),
            Reply.Json(WireFixtures.Models));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var models = await _time.RunAsync(client.GetModelsAsync(Ct));

        Assert.Equal(2, models.Count);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_read_attempt_that_hangs_is_abandoned_after_the_attempt_timeout_and_retried()
    {
        var stub = new StubHandler(_time)
            .OnAsync(HttpMethod.Get, "/credits", Reply.Hang())
            .On(HttpMethod.Get, "/credits", Reply.Json(WireFixtures.Credits));
        using var client = TestClients.Resilient(stub, _time, Retries with { ReadAttemptTimeout = TimeSpan.FromSeconds(10) });
        var start = _time.Now;

        var credits = await _time.RunAsync(client.GetCreditsAsync(Ct));

        Assert.Equal(100m, credits.Credits);
        Assert.Equal(2, stub.Requests.Count);
        Assert.InRange((stub.Requests[1].At - start).TotalSeconds, 11, 11.2);
    }

    [Fact]
    public async Task A_read_whose_retry_also_fails_to_connect_is_retried_again()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused");
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, "/credits", Reply.Throw(refused), Reply.Throw(refused), Reply.Json(WireFixtures.Credits));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var credits = await _time.RunAsync(client.GetCreditsAsync(Ct));

        Assert.Equal(100m, credits.Credits);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_caller_cancelling_a_hanging_read_gets_cancellation_not_a_timeout_and_nothing_is_resent()
    {
        var stub = new StubHandler(_time).OnAsync(HttpMethod.Get, "/credits", Reply.Hang());
        using var client = TestClients.Resilient(stub, _time, Retries);
        using var caller = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _time.RunAsync(client.GetCreditsAsync(caller.Token)));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_retried_answer_is_disposed_before_the_next_attempt()
    {
        var busy = new TrackedContent();
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, "/credits",
            _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = busy },
            Reply.Json(WireFixtures.Credits));
        using var client = TestClients.Resilient(stub, _time, Retries);

        await _time.RunAsync(client.GetCreditsAsync(Ct));

        Assert.True(busy.Disposed);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_hanging_submit_is_never_resent()
    {
        var stub = new StubHandler(_time)
            .OnAsync(HttpMethod.Post, "/generate", Reply.Hang())
            .OnSubmit(Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries with { ReadAttemptTimeout = TimeSpan.FromSeconds(10) }, o => o.SyncTimeout = TimeSpan.FromSeconds(20));

        await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Get_that_keeps_failing_gives_up_after_max_retry_attempts()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/credits", Reply.Status(HttpStatusCode.ServiceUnavailable));
        using var client = TestClients.Resilient(stub, _time, Retries);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => _time.RunAsync(client.GetCreditsAsync(Ct)));

        Assert.Equal(503, e.StatusCode);
        Assert.Equal(1 + Retries.MaxRetryAttempts, stub.Requests.Count);
    }

    [Fact]
    public async Task Get_answered_400_is_not_retried()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/credits", Reply.Json("""{"error":"bad"}""", HttpStatusCode.BadRequest));
        using var client = TestClients.Resilient(stub, _time, Retries);

        await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.GetCreditsAsync(Ct)));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_remaining_budget_is_not_waited_for()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, "/credits",
            Reply.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(120)),
            Reply.Json(WireFixtures.Credits));
        using var client = TestClients.Resilient(stub, _time, Retries, o => o.ReadTimeout = TimeSpan.FromSeconds(60));
        var start = _time.Now;

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GetCreditsAsync(Ct));

        Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
        Assert.Single(stub.Requests);
        Assert.Equal(start, _time.Now);
    }

    [Fact]
    public async Task Submit_retry_after_longer_than_the_sync_budget_is_not_waited_for()
    {
        var stub = new StubHandler(_time).OnSubmit(
            Reply.Json(WireFixtures.ServerBusy, HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromMinutes(5)),
            Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries, o => o.SyncTimeout = TimeSpan.FromMinutes(3));

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(TimeSpan.FromMinutes(5), e.RetryAfter);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Zero_max_retry_attempts_turns_retries_off()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/credits", Reply.Status(HttpStatusCode.InternalServerError), Reply.Json(WireFixtures.Credits));
        using var client = TestClients.Resilient(stub, _time, new NanoBananaResilienceOptions { MaxRetryAttempts = 0 });

        await Assert.ThrowsAsync<NanoBananaException>(() => client.GetCreditsAsync(Ct));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Retries_are_logged_without_the_key_or_the_prompt()
    {
        var logs = new ListLoggerProvider();
        var stub = new StubHandler(_time).OnSubmit(Reply.Status(HttpStatusCode.TooManyRequests), Reply.Json(WireFixtures.SyncSuccess));
        using var client = TestClients.Resilient(stub, _time, Retries, loggerFactory: logs);

        await _time.RunAsync(client.GenerateAsync(TestClients.Request("my private prompt"), Ct));

        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Retrying POST", StringComparison.Ordinal) && l.Contains("HTTP 429", StringComparison.Ordinal));
        Assert.DoesNotContain(TestClients.ApiKey, logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("my private prompt", logs.Text, StringComparison.Ordinal);
    }

    /// <summary>A body that remembers being disposed, so a test can see a retried answer released its connection.</summary>
    private sealed class TrackedContent() : ByteArrayContent("""{"error":"busy"}"""u8.ToArray())
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
