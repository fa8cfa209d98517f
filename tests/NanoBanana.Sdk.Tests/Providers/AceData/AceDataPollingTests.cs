using System.Text;
using System.Text.Json;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>Async tasks on the fake clock: the cadence, synthesized streaming, and callbacks that end the wait early.</summary>
public sealed class AceDataPollingTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StubHandler TaskCompletingAtPoll(int completingPoll)
    {
        var polls = Enumerable.Repeat(Reply.Json(AceDataWireFixtures.TaskRunning), completingPoll - 1).Append(Reply.Json(AceDataWireFixtures.TaskCompleted));
        return new StubHandler(_time).OnImages(Reply.Json(AceDataWireFixtures.Accepted)).OnTasks([.. polls]);
    }

    [Fact]
    public async Task The_default_cadence_retrieves_every_three_seconds_after_the_submit()
    {
        var stub = TaskCompletingAtPoll(3);
        using var client = AceDataTestClients.Direct(stub, _time);
        var submittedAt = _time.Now;

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        Assert.Equal([3, 6, 9], stub.TasksRequests().Select(r => (r.At - submittedAt).TotalSeconds));
    }

    [Fact]
    public async Task Streaming_reports_retrieves_without_news_as_heartbeats_then_one_completed_update()
    {
        using var client = AceDataTestClients.Direct(TaskCompletingAtPoll(3), _time);

        var updates = await _time.RunAsync(client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync());

        var progress = updates.OfType<ImageGenerationProgressUpdate>().ToList();
        Assert.Equal([false, true, true], progress.Select(p => p.IsHeartbeat));
        Assert.All(progress, p => Assert.Null(p.Percent));
        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.Equal(AceDataWireFixtures.TaskId, completed.Result.OperationId);
        Assert.Equal(Enumerable.Range(0, updates.Count), updates.Select(u => u.SequenceNumber));
    }

    [Fact]
    public async Task A_verified_callback_completes_the_operation_before_its_next_retrieve()
    {
        var hub = new ImageGenerationWebhookHub();
        var stub = TaskCompletingAtPoll(100);
        using var client = AceDataTestClients.Direct(stub, _time, hub: hub);
        var operation = await client.StartGenerationAsync(
            new ImageGenerationRequest { Prompt = "a cat", CallbackUri = new Uri("https://app.example/hooks/acedata") }, Ct);
        var wait = operation.WaitForCompletionAsync(Ct);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(5));

        hub.Publish(ParseCallback(stub, CallbackFor(AceDataWireFixtures.TaskId)));
        var result = await wait.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(AceDataWireFixtures.TaskId, result.OperationId);
        Assert.Empty(stub.TasksRequests());
    }

    [Fact]
    public async Task Generate_with_a_callback_uri_waits_for_the_task_instead_of_returning_the_bare_submit()
    {
        var stub = TaskCompletingAtPoll(2);
        using var client = AceDataTestClients.Direct(stub, _time);

        var result = await _time.RunAsync(client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "a cat", CallbackUri = new Uri("https://app.example/hooks/acedata") }, Ct));

        Assert.Equal(new Uri(AceDataWireFixtures.TaskImageUrl), Assert.Single(result.Images).Uri);
        Assert.Contains("\"async\":true", Assert.Single(stub.ImagesRequests()).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_gives_up_at_max_wait_with_a_timeout_naming_the_task()
    {
        using var client = AceDataTestClients.Direct(TaskCompletingAtPoll(1000), _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(operation.WaitForCompletionAsync(Ct), maxSteps: 400));

        Assert.Equal(AceDataWireFixtures.TaskId, e.OperationId);
        Assert.InRange(_time.Elapsed, TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(10));
    }

    private static string CallbackFor(string taskId) =>
        AceDataWireFixtures.CallbackSuccess.Replace("6a97bf49-df50-4129-9e46-119aa9fca73c", taskId, StringComparison.Ordinal);

    /// <summary>Parses a callback delivered to the URL the client actually sent, as the app's endpoint would.</summary>
    private static ImageGenerationWebhookEvent ParseCallback(StubHandler stub, string body)
    {
        using var sent = JsonDocument.Parse(Assert.Single(stub.ImagesRequests()).BodyText);
        var target = new Uri(sent.RootElement.GetProperty("callback_url").GetString()!);
        var options = new NanoBananaWebhookOptions();
        options.Secrets.Add(AceDataTestClients.WebhookSecret);
        return new AceDataWebhookParser(options).Parse(new WebhookRequest(Encoding.UTF8.GetBytes(body), new Dictionary<string, string>(), target));
    }
}
