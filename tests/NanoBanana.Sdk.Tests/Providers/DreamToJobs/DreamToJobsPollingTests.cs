using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Submit + poll on the fake clock: the default cadence, emulated streaming, and completion from a published callback.</summary>
public sealed class DreamToJobsPollingTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string StatusPath => "/v1/jobs/" + DreamToJobsWireFixtures.JobId;

    private StubHandler JobSucceedingAtPoll(int poll) => new StubHandler(_time)
        .On(HttpMethod.Post, "/v1/jobs", Reply.Json(DreamToJobsWireFixtures.Accepted))
        .On(HttpMethod.Get, StatusPath, [.. Enumerable.Repeat(Reply.Json(DreamToJobsWireFixtures.Processing), poll - 1), Reply.Json(DreamToJobsWireFixtures.SucceededWithUrl)]);

    [Fact]
    public async Task Generate_submits_then_polls_with_the_default_cadence_until_the_job_succeeds()
    {
        var stub = JobSucceedingAtPoll(3);
        using var client = DreamToJobsTestClients.Direct(stub, _time);
        var started = _time.Now;

        var result = await _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(DreamToJobsWireFixtures.JobId, result.OperationId);
        var offsets = stub.RequestsTo(HttpMethod.Get, StatusPath).Select(r => (r.At - started).TotalSeconds).ToList();
        Assert.Equal(3, offsets.Count);
        Assert.InRange(offsets[0], 4.5, 5.5);
        Assert.InRange(offsets[1] - offsets[0], 2.7, 3.3);
        Assert.InRange(offsets[2] - offsets[1], 4.05, 4.95);
    }

    [Fact]
    public async Task A_failed_job_makes_generate_throw_with_the_job_id()
    {
        var stub = new StubHandler(_time)
            .On(HttpMethod.Post, "/v1/jobs", Reply.Json(DreamToJobsWireFixtures.Accepted))
            .On(HttpMethod.Get, StatusPath, Reply.Json(DreamToJobsWireFixtures.FailedWithError));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Equal(DreamToJobsWireFixtures.JobId, e.OperationId);
    }

    [Fact]
    public async Task Streaming_yields_one_progress_update_per_state_then_the_result_last()
    {
        using var client = DreamToJobsTestClients.Direct(JobSucceedingAtPoll(2), _time);

        var updates = await _time.RunAsync(client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync());

        Assert.Equal([0, 1, 2], updates.Select(u => u.SequenceNumber));
        Assert.All(updates.SkipLast(1), u => Assert.Equal(ImageGenerationStatus.Running, Assert.IsType<ImageGenerationProgressUpdate>(u).Status));
        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.All(updates, u => Assert.Equal(DreamToJobsWireFixtures.JobId, u.OperationId));
        Assert.NotEmpty(completed.Result.Images);
    }

    [Fact]
    public async Task A_published_callback_completes_generate_before_the_first_poll()
    {
        var hub = new ImageGenerationWebhookHub();
        var stub = JobSucceedingAtPoll(1);
        using var client = DreamToJobsTestClients.Direct(stub, _time, hub: hub);
        var parser = new DreamToJobsWebhookParser(DreamToJobsTestClients.Options());
        var callback = new Uri("https://app.example.com/hooks/dreamto");

        var generate = client.GenerateAsync(new ImageGenerationRequest { Prompt = "a cat", CallbackUri = callback }, Ct);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        hub.Publish(parser.Parse(new WebhookRequest(
            System.Text.Encoding.UTF8.GetBytes(DreamToJobsWireFixtures.SucceededWithUrl),
            new Dictionary<string, string>(),
            CallbackUrlToken.Append(callback, DreamToJobsTestClients.WebhookSecret))));
        var result = await generate.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(new Uri(DreamToJobsWireFixtures.ImageUrl), Assert.Single(result.Images).Uri);
        Assert.Empty(stub.RequestsTo(HttpMethod.Get, StatusPath));
    }

    [Fact]
    public async Task A_resumed_operation_polls_the_job_it_was_given()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, StatusPath, Reply.Json(DreamToJobsWireFixtures.Processing), Reply.Json(DreamToJobsWireFixtures.SucceededWithUrl));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var operation = await client.GetGenerationAsync(DreamToJobsWireFixtures.JobId, Ct);
        var result = await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        Assert.Equal(DreamToJobsWireFixtures.JobId, result.OperationId);
        Assert.Equal(2, stub.Requests.Count);
    }
}
