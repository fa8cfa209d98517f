using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Providers.NanaNanoBanana;

/// <summary>Stream mode (Server-Sent Events) over a stub whose body arrives in small odd-sized reads.</summary>
public sealed class NanaNanoBananaStreamingTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string WithGenerationId(string statusEvent, string id) => statusEvent.TrimEnd('}') + $",\"generationId\":\"{id}\"}}";

    private async Task<List<ImageGenerationUpdate>> StreamAsync(StubHandler stub)
    {
        using var client = TestClients.Direct(stub, _time);
        return await client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync();
    }

    [Fact]
    public async Task Events_split_across_reads_are_parsed_whole()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StatusProcessing50, WireFixtures.StreamComplete);

        var updates = await StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(sse)));

        Assert.Equal(3, updates.Count);
        Assert.Equal(["Starting generation...", "Processing..."], updates.OfType<ImageGenerationProgressUpdate>().Select(u => u.Message));
        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.Equal(new Uri(WireFixtures.ImageUrl), Assert.Single(completed.Result.Images).Uri);
    }

    [Fact]
    public async Task Stream_ends_with_exactly_one_completed_update_last()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StatusProcessing50, WireFixtures.StreamComplete);

        var updates = await StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(sse)));

        Assert.Single(updates.OfType<ImageGenerationCompletedUpdate>());
        Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
    }

    [Fact]
    public async Task Sequence_numbers_count_up_from_zero()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StatusProcessing50, WireFixtures.StreamComplete);

        var updates = await StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(sse)));

        Assert.Equal([0, 1, 2], updates.Select(u => u.SequenceNumber));
    }

    [Fact]
    public async Task Heartbeat_after_progress_is_flagged_and_percent_never_decreases()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StatusProcessing50, WireFixtures.StatusHeartbeat, WireFixtures.StreamComplete);

        var updates = await StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(sse)));

        var progress = updates.OfType<ImageGenerationProgressUpdate>().ToList();
        Assert.Equal([0, 50, 50], progress.Select(p => p.Percent));
        Assert.Equal([false, false, true], progress.Select(p => p.IsHeartbeat));
    }

    [Fact]
    public async Task Complete_event_result_carries_the_generation_id_when_the_vendor_sends_it()
    {
        const string Complete = """{"type":"complete","message":"Generation complete","progress":100,"data":{"success":true,"imageUrls":["https://cdn.example/png/z.png"],"generationId":"clstream"}}""";

        var updates = await StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(Reply.Events(Complete))));

        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(Assert.Single(updates));
        Assert.Equal("clstream", completed.OperationId);
        Assert.Equal("clstream", completed.Result.OperationId);
    }

    [Fact]
    public async Task Error_event_throws_generation_failed_with_the_vendor_error()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StreamError);

        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(sse))));

        Assert.Contains("upstream error", e.Message, StringComparison.Ordinal);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task Content_safety_error_event_throws_content_filtered()
    {
        const string Safety = """{"type":"error","message":"Generation failed","progress":0,"data":{"success":false,"error":"Content safety check failed"}}""";

        await Assert.ThrowsAsync<NanoBananaContentFilteredException>(
            () => StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(Reply.Events(WireFixtures.StatusStarting, Safety)))));
    }

    [Fact]
    public async Task Stream_cut_before_complete_without_a_known_id_throws_stream_interrupted()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StatusProcessing50);

        var e = await Assert.ThrowsAsync<NanoBananaException>(
            () => StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(sse, failAtEnd: true))));

        Assert.Equal("stream_interrupted", e.ErrorCode);
        Assert.True(e.IsTransient);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task Stream_that_ends_cleanly_before_complete_throws_stream_interrupted()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StatusProcessing50);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => StreamAsync(new StubHandler(_time).OnSubmit(Reply.Sse(sse))));

        Assert.Equal("stream_interrupted", e.ErrorCode);
    }

    [Fact]
    public async Task Stream_cut_before_complete_yields_the_progress_received_before_throwing()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StatusProcessing50);
        using var client = TestClients.Direct(new StubHandler(_time).OnSubmit(Reply.Sse(sse, failAtEnd: true)), _time);
        var seen = new List<ImageGenerationUpdate>();

        await Assert.ThrowsAsync<NanoBananaException>(async () =>
        {
            await foreach (var update in client.GenerateStreamingAsync(TestClients.Request(), Ct))
            {
                seen.Add(update);
            }
        });

        Assert.Equal([0, 50], seen.OfType<ImageGenerationProgressUpdate>().Select(u => u.Percent));
    }

    [Fact]
    public async Task Stream_cut_after_an_event_carried_the_id_falls_back_to_polling_that_id()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WithGenerationId(WireFixtures.StatusProcessing50, "clresume"));
        var stub = new StubHandler(_time)
            .OnSubmit(Reply.Sse(sse, failAtEnd: true))
            .OnPoll(Reply.Json(WireFixtures.Poll("completed", "clresume", """["https://cdn.example/png/resumed.png"]""")));

        var updates = await StreamAsync(stub);

        var poll = Assert.Single(stub.RequestsTo(HttpMethod.Get, "/generate"));
        Assert.Equal("?id=clresume", poll.Uri.Query);
        Assert.Equal("Bearer " + TestClients.ApiKey, poll.Authorization);
        Assert.Single(updates.OfType<ImageGenerationCompletedUpdate>());
        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.Equal("clresume", completed.Result.OperationId);
        Assert.Equal(new Uri("https://cdn.example/png/resumed.png"), Assert.Single(completed.Result.Images).Uri);
    }

    [Fact]
    public async Task Polling_fallback_keeps_polling_on_the_fake_clock_until_the_job_completes()
    {
        var sse = Reply.Events(WithGenerationId(WireFixtures.StatusProcessing50, "clresume"));
        var stub = new StubHandler(_time)
            .OnSubmit(Reply.Sse(sse, failAtEnd: true))
            .OnPoll(
                Reply.Json(WireFixtures.Poll("processing", "clresume")),
                Reply.Json(WireFixtures.Poll("processing", "clresume")),
                Reply.Json(WireFixtures.Poll("completed", "clresume", """["https://cdn.example/png/resumed.png"]""")));
        using var client = TestClients.Direct(stub, _time);

        var updates = await _time.RunAsync(client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync());

        Assert.Equal(3, stub.RequestsTo(HttpMethod.Get, "/generate").Count);
        Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.Single(updates.OfType<ImageGenerationCompletedUpdate>());
        Assert.Equal(Enumerable.Range(0, updates.Count), updates.Select(u => u.SequenceNumber));
        Assert.All(updates.OfType<ImageGenerationProgressUpdate>(), u => Assert.True(u.Percent is null or >= 50, $"percent dropped to {u.Percent}"));
    }

    [Fact]
    public async Task Errors_before_the_stream_starts_are_typed_http_errors()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.Json("""{"error":"Insufficient credits"}""", System.Net.HttpStatusCode.PaymentRequired));

        var e = await Assert.ThrowsAsync<NanoBananaQuotaExceededException>(() => StreamAsync(stub));

        Assert.Equal(402, e.StatusCode);
    }

    [Fact]
    public async Task Vendor_stream_yields_the_raw_events()
    {
        var sse = Reply.Events(WireFixtures.StatusStarting, WireFixtures.StatusHeartbeat, WireFixtures.StreamComplete);
        using var client = TestClients.Direct(new StubHandler(_time).OnSubmit(Reply.Sse(sse)), _time);
        var events = new List<NanaNanoBananaStreamEvent>();

        await foreach (var item in client.CreateGenerationStreamingAsync(new NanaNanoBananaGenerateRequest { Prompt = "p" }, Ct))
        {
            events.Add(item);
        }

        Assert.Equal(["status", "status", "complete"], events.Select(e => e.Type));
        Assert.Equal([0d, 0d, 100d], events.Select(e => e.Progress ?? -1));
        Assert.Equal([WireFixtures.ImageUrl], events[^1].Data?.ImageUrls);
    }
}
