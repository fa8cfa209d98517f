using System.Net;
using System.Threading.Channels;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Tests.Limits;

/// <summary>
/// The limits of <see cref="NanoBananaResilienceHandler"/> over a stub: calls in flight, calls per minute on the fake
/// clock, and a full queue refused before anything is sent.
/// </summary>
public sealed class RequestLimitTests
{
    private static readonly Uri Target = new("https://127.0.0.1:7443/api/v1/generate?id=1");
    private static readonly TimeSpan RealTimeGuard = TimeSpan.FromSeconds(10);
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpMessageInvoker Invoker(StubHandler stub, NanoBananaResilienceOptions options) =>
        new(new NanoBananaResilienceHandler(options, _time) { InnerHandler = stub });

    private static Task<HttpResponseMessage> Get(HttpMessageInvoker invoker, CancellationToken cancellationToken) =>
        invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Target), cancellationToken);

    /// <summary>A stub whose polls each wait until the test answers them, in arrival order.</summary>
    private static StubHandler Held(Channel<TaskCompletionSource<HttpResponseMessage>> arrivals, Action? onArrival = null, Action? onLeave = null) =>
        new StubHandler().OnAsync(HttpMethod.Get, "/generate", async (_, cancellationToken) =>
        {
            var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            onArrival?.Invoke();
            await arrivals.Writer.WriteAsync(answer, cancellationToken);
            try
            {
                return await answer.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                onLeave?.Invoke();
            }
        });

    [Fact]
    public async Task At_most_the_concurrent_limit_is_in_flight_and_the_others_wait_their_turn()
    {
        var arrivals = Channel.CreateUnbounded<TaskCompletionSource<HttpResponseMessage>>();
        var inFlight = 0;
        var peak = 0;
        var stub = Held(arrivals, () => InterlockedMax(ref peak, Interlocked.Increment(ref inFlight)), () => Interlocked.Decrement(ref inFlight));
        using var invoker = Invoker(stub, new NanoBananaResilienceOptions { MaxConcurrentRequests = 2, MaxRetryAttempts = 0 });

        var calls = Enumerable.Range(0, 6).Select(_ => Get(invoker, Ct)).ToList();
        for (var i = 0; i < calls.Count; i++)
        {
            var answer = await arrivals.Reader.ReadAsync(Ct).AsTask().WaitAsync(RealTimeGuard, Ct);
            answer.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        }

        await Task.WhenAll(calls).WaitAsync(RealTimeGuard, Ct);
        Assert.Equal(2, peak);
        Assert.Equal(6, stub.Requests.Count);
    }

    [Fact]
    public async Task Without_limits_every_call_is_sent_at_once()
    {
        var arrivals = Channel.CreateUnbounded<TaskCompletionSource<HttpResponseMessage>>();
        using var invoker = Invoker(Held(arrivals), new NanoBananaResilienceOptions { MaxRetryAttempts = 0 });

        var calls = Enumerable.Range(0, 20).Select(_ => Get(invoker, Ct)).ToList();
        var answers = new List<TaskCompletionSource<HttpResponseMessage>>();
        for (var i = 0; i < calls.Count; i++)
        {
            answers.Add(await arrivals.Reader.ReadAsync(Ct).AsTask().WaitAsync(RealTimeGuard, Ct));
        }

        answers.ForEach(a => a.SetResult(new HttpResponseMessage(HttpStatusCode.OK)));
        await Task.WhenAll(calls).WaitAsync(RealTimeGuard, Ct);
    }

    [Fact]
    public async Task A_call_over_the_per_minute_limit_is_sent_a_minute_after_the_first()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/generate", Reply.Json("{}"));
        using var invoker = Invoker(stub, new NanoBananaResilienceOptions { RequestsPerMinute = 3, MaxRetryAttempts = 0 });
        for (var i = 0; i < 3; i++)
        {
            (await Get(invoker, Ct)).Dispose();
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        var fourth = Get(invoker, Ct);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(fourth.IsCompleted);
        Assert.Equal(3, stub.Requests.Count);
        _time.Advance(TimeSpan.FromSeconds(1));

        (await fourth.WaitAsync(RealTimeGuard, Ct)).Dispose();
        Assert.Equal(TimeSpan.FromMinutes(1), stub.Requests[3].At - stub.Requests[0].At);
    }

    [Fact]
    public async Task A_call_that_finds_the_slots_and_queue_full_is_refused_unsent()
    {
        var stub = new StubHandler(_time).OnAsync(HttpMethod.Get, "/generate", Reply.Hang());
        using var invoker = Invoker(stub, new NanoBananaResilienceOptions { MaxConcurrentRequests = 1, MaxQueuedRequests = 0, MaxRetryAttempts = 0 });
        using var first = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var hanging = Get(invoker, first.Token);
        await WaitUntil(() => stub.Requests.Count == 1);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => Get(invoker, Ct));

        Assert.Equal(RequestLimiter.RejectedCode, e.ErrorCode);
        Assert.True(e.IsTransient);
        Assert.Null(e.StatusCode);
        Assert.Contains("MaxConcurrentRequests", e.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);
    }

    [Fact]
    public async Task A_call_that_finds_the_minute_used_up_and_the_queue_full_is_refused_with_retry_after()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/generate", Reply.Json("{}"));
        using var invoker = Invoker(stub, new NanoBananaResilienceOptions { RequestsPerMinute = 1, MaxQueuedRequests = 0, MaxRetryAttempts = 0 });
        (await Get(invoker, Ct)).Dispose();
        _time.Advance(TimeSpan.FromSeconds(20));

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => Get(invoker, Ct));

        Assert.Equal(TimeSpan.FromSeconds(40), e.RetryAfter);
        Assert.Contains("RequestsPerMinute", e.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Cancelling_a_waiting_call_sends_nothing_and_frees_its_place()
    {
        var arrivals = Channel.CreateUnbounded<TaskCompletionSource<HttpResponseMessage>>();
        var stub = Held(arrivals);
        using var invoker = Invoker(stub, new NanoBananaResilienceOptions { MaxConcurrentRequests = 1, MaxQueuedRequests = 1, MaxRetryAttempts = 0 });
        var first = Get(invoker, Ct);
        var held = await arrivals.Reader.ReadAsync(Ct).AsTask().WaitAsync(RealTimeGuard, Ct);
        using var cancel = new CancellationTokenSource();
        var waiting = Get(invoker, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var third = Get(invoker, Ct);
        held.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        (await arrivals.Reader.ReadAsync(Ct).AsTask().WaitAsync(RealTimeGuard, Ct)).SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        await Task.WhenAll(first, third).WaitAsync(RealTimeGuard, Ct);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_call_that_fails_in_transport_returns_its_slot()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get,
            "/generate",
            Reply.Throw(new HttpRequestException("reset", null, HttpStatusCode.BadGateway)),
            Reply.Json("{}"));
        using var invoker = Invoker(stub, new NanoBananaResilienceOptions { MaxConcurrentRequests = 1, MaxQueuedRequests = 0, MaxRetryAttempts = 0 });

        await Assert.ThrowsAsync<HttpRequestException>(() => Get(invoker, Ct));
        using var second = await Get(invoker, Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData(0, null, null, "MaxConcurrentRequests")]
    [InlineData(null, 0, null, "RequestsPerMinute")]
    [InlineData(1, null, -1, "MaxQueuedRequests")]
    public void A_limit_out_of_range_is_refused_when_the_handler_is_built(int? concurrent, int? perMinute, int? queued, string setting)
    {
        var options = new NanoBananaResilienceOptions { MaxConcurrentRequests = concurrent, RequestsPerMinute = perMinute, MaxQueuedRequests = queued };

        var e = Assert.Throws<ArgumentException>(() => new NanoBananaResilienceHandler(options, _time));

        Assert.Contains(setting, e.Message, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(RealTimeGuard);
        while (!condition())
        {
            await Task.Delay(1, guard.Token);
        }
    }
}
