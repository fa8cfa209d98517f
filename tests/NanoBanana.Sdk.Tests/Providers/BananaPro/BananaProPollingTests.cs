using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>Webhook-first completion with the status poll as fallback, on the fake clock.</summary>
public sealed class BananaProPollingTests
{
    private const string Secret = "whsec_local_secret";
    private readonly ManualTimeProvider _time = new();
    private readonly ImageGenerationWebhookHub _hub = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StubHandler Job(params string[] polls) =>
        BananaProTestClients.Accepting(_time).On(HttpMethod.Get, BananaProTestClients.StatusPath, [.. polls.Select(p => Reply.Json(p))]);

    private static IReadOnlyList<StubRequest> Polls(StubHandler stub) => stub.RequestsTo(HttpMethod.Get, BananaProTestClients.StatusPath);

    /// <summary>What the app's webhook endpoint does: verify and parse the delivery, then publish it.</summary>
    private void Deliver(string body)
    {
        var timestamp = _time.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
        var options = BananaProTestClients.Options();
        options.Webhooks.Secrets.Add(Secret);
        var request = new WebhookRequest(Encoding.UTF8.GetBytes(body), new Dictionary<string, string> { ["X-Nano-Timestamp"] = timestamp, ["X-Nano-Signature"] = signature });
        _hub.Publish(new BananaProWebhookParser(options, _time).Parse(request));
    }

    [Fact]
    public async Task The_default_cadence_polls_five_seconds_after_submit_then_from_three_seconds_growing()
    {
        var stub = Job(BananaProFixtures.Task("pending"), BananaProFixtures.Task("processing"), BananaProFixtures.Task("completed", BananaProFixtures.ImageUrl));
        using var client = BananaProTestClients.Direct(stub, _time);
        var submittedAt = _time.Now;

        await _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        var at = Polls(stub).Select(r => (r.At - submittedAt).TotalSeconds).ToList();
        Assert.Equal(3, at.Count);
        Assert.InRange(at[0], 4.5, 5.5);
        Assert.InRange(at[1] - at[0], 2.7, 3.3);
        Assert.InRange(at[2] - at[1], 4.05, 4.95);
    }

    [Fact]
    public async Task A_published_delivery_completes_the_operation_before_any_poll()
    {
        var stub = Job(BananaProFixtures.Task("processing"));
        using var client = BananaProTestClients.Direct(stub, _time, webhooks: _hub);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        var waiting = operation.WaitForCompletionAsync(Ct);

        Deliver(BananaProFixtures.DeliveryCompleted);
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(new Uri(BananaProFixtures.ImageUrl), Assert.Single(result.Images).Uri);
        Assert.Empty(Polls(stub));
    }

    [Fact]
    public async Task A_failed_delivery_fails_the_waiting_generation_with_the_task_id()
    {
        var stub = Job(BananaProFixtures.Task("processing"));
        using var client = BananaProTestClients.Direct(stub, _time, webhooks: _hub);
        var generation = client.GenerateAsync(TestClients.Request(), Ct);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));

        Deliver(BananaProFixtures.DeliveryFailed);
        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => generation.WaitAsync(TimeSpan.FromSeconds(10), Ct));

        Assert.Equal(BananaProFixtures.TaskId, e.OperationId);
        Assert.Empty(Polls(stub));
    }

    [Fact]
    public async Task Resuming_a_task_whose_delivery_arrived_needs_no_request()
    {
        var stub = new StubHandler(_time);
        using var client = BananaProTestClients.Direct(stub, _time, webhooks: _hub);
        Deliver(BananaProFixtures.DeliveryCompleted);

        var operation = await client.GetGenerationAsync(BananaProFixtures.TaskId, Ct);

        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.Equal(new Uri(BananaProFixtures.ImageUrl), Assert.Single(operation.Value.Images).Uri);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Polling_takes_over_when_no_delivery_arrives()
    {
        var stub = Job(BananaProFixtures.Task("completed", BananaProFixtures.ImageUrl));
        using var client = BananaProTestClients.Direct(stub, _time, webhooks: _hub);

        var result = await _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(BananaProFixtures.TaskId, result.OperationId);
        Assert.Single(Polls(stub));
    }

    [Fact]
    public async Task Streaming_reports_polls_that_brought_no_change_as_heartbeats_and_ends_with_the_result()
    {
        var stub = Job(BananaProFixtures.Task("processing"), BananaProFixtures.Task("processing"), BananaProFixtures.Task("completed", BananaProFixtures.ImageUrl));
        using var client = BananaProTestClients.Direct(stub, _time, o => o.PollingStrategy = PollingStrategy.Fixed(TimeSpan.FromSeconds(1)));

        var updates = await _time.RunAsync(client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync());

        var progress = updates.OfType<ImageGenerationProgressUpdate>().ToList();
        Assert.Equal(["queued", "running", "running"], progress.Select(p => p.Status.Value));
        Assert.Equal([false, false, true], progress.Select(p => p.IsHeartbeat));
        Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.All(updates, u => Assert.Equal(BananaProFixtures.TaskId, u.OperationId));
    }

    [Fact]
    public async Task The_wait_ends_with_a_timeout_carrying_the_task_id_after_max_wait()
    {
        var stub = Job(BananaProFixtures.Task("processing"));
        using var client = BananaProTestClients.Direct(
            stub, _time, o => o.PollingStrategy = PollingStrategy.Fixed(TimeSpan.FromSeconds(10), maxWait: TimeSpan.FromSeconds(35)));

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Equal(BananaProFixtures.TaskId, e.OperationId);
    }
}
