using NanoBanana.Sdk.Providers.AceData;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>Golden wire tests: how the client reads each answer shape of protocols/acedata.md, and how it decides a task's state.</summary>
public sealed class AceDataResponseWireTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AceDataImageClient PollingClient(string record) =>
        AceDataTestClients.Direct(new StubHandler(_time).OnTasks(Reply.Json(record)), _time);

    [Fact]
    public async Task A_sync_answer_becomes_a_result_with_the_task_id_and_image_url()
    {
        using var client = AceDataTestClients.Direct(new StubHandler(_time).OnImages(Reply.Json(AceDataWireFixtures.SyncSuccess)), _time);

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal("AceData", result.Provider);
        Assert.Equal(AceDataWireFixtures.SyncTaskId, result.OperationId);
        var image = Assert.Single(result.Images);
        Assert.Equal(new Uri(AceDataWireFixtures.SyncImageUrl), image.Uri);
        Assert.Equal("image/png", image.MediaType);
        Assert.Null(image.ExpiresAt);
        Assert.Equal(AceDataWireFixtures.SyncTaskId, Assert.IsType<AceDataImageResponse>(result.RawRepresentation).TaskId);
    }

    [Fact]
    public async Task A_sync_answer_with_only_a_task_id_is_polled_to_its_result()
    {
        var stub = new StubHandler(_time)
            .OnImages(Reply.Json(AceDataWireFixtures.Accepted))
            .OnTasks(Reply.Json(AceDataWireFixtures.TaskRunning), Reply.Json(AceDataWireFixtures.TaskCompleted));
        using var client = AceDataTestClients.Direct(stub, _time);

        var result = await _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(new Uri(AceDataWireFixtures.TaskImageUrl), Assert.Single(result.Images).Uri);
        Assert.Equal(2, stub.TasksRequests().Count);
    }

    [Fact]
    public async Task The_documented_task_record_reads_as_succeeded_with_its_image()
    {
        using var client = PollingClient(AceDataWireFixtures.TaskCompleted);

        var operation = await client.GetGenerationAsync(AceDataWireFixtures.TaskId, Ct);

        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.Equal(AceDataWireFixtures.TaskId, operation.Value.OperationId);
        Assert.Equal(new Uri(AceDataWireFixtures.TaskImageUrl), Assert.Single(operation.Value.Images).Uri);
        Assert.Equal(1757183036.787, Assert.IsType<AceDataTask>(operation.Value.RawRepresentation).CreatedAt);
    }

    [Theory]
    [InlineData(null, "", "running")]
    [InlineData("""{"success":true,"task_id":"t"}""", "", "running")]
    [InlineData("""{"success":false,"error":"temporary hiccup"}""", "", "running")]
    [InlineData("""{"success":true,"status":"processing"}""", "", "running")]
    [InlineData("""{"success":true,"status":"queued"}""", "", "queued")]
    [InlineData("""{"success":true,"data":[{"image_url":"https://cdn.example/a.png"}]}""", "", "succeeded")]
    [InlineData("""{"success":true,"status":"completed","data":[{"image_url":"https://cdn.example/a.png"}]}""", "", "succeeded")]
    [InlineData("""{"success":true,"status":"completed"}""", "", "failed")]
    [InlineData("""{"success":true,"status":"failed","data":[{"image_url":"https://cdn.example/a.png"}]}""", "", "failed")]
    [InlineData("""{"success":false,"error":{"code":"api_error","message":"fetch failed"}}""", "", "failed")]
    [InlineData("""{"success":false,"error":"gave up"}""", ",\"finished_at\":1757183099.1", "failed")]
    [InlineData("""{"success":false,"error":"gave up","finished_at":"2025-09-06T18:24:59Z"}""", "", "failed")]
    [InlineData(null, ",\"status\":\"cancelled\"", "failed")]
    public async Task The_task_state_follows_ace_datas_own_completion_rules(string? response, string extra, string expected)
    {
        using var client = PollingClient(AceDataWireFixtures.Task(response, extra));

        var operation = await client.GetGenerationAsync(AceDataWireFixtures.TaskId, Ct);

        Assert.Equal(new ImageGenerationStatus(expected), operation.Status);
    }

    [Fact]
    public async Task A_failed_task_throws_generation_failed_with_the_task_trace_and_code()
    {
        using var client = PollingClient(AceDataWireFixtures.Task(AceDataWireFixtures.Failed("api_error", "fetch failed")));

        var operation = await client.GetGenerationAsync(AceDataWireFixtures.TaskId, Ct);

        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Equal(AceDataWireFixtures.TaskId, e.OperationId);
        Assert.Equal(AceDataWireFixtures.TraceId, e.RequestId);
        Assert.Equal("api_error", e.ErrorCode);
        Assert.Contains("fetch failed", e.Message, StringComparison.Ordinal);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task A_task_blocked_by_the_content_policy_throws_content_filtered()
    {
        using var client = PollingClient(AceDataWireFixtures.Task(AceDataWireFixtures.Failed("forbidden", "blocked by the content policy")));

        var operation = await client.GetGenerationAsync(AceDataWireFixtures.TaskId, Ct);

        var e = Assert.Throws<NanoBananaContentFilteredException>(() => operation.Value);
        Assert.Equal(AceDataWireFixtures.TaskId, e.OperationId);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task An_empty_record_for_an_unknown_id_throws_task_not_found()
    {
        using var client = PollingClient("{}");

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GetGenerationAsync("no-such-task", Ct));

        Assert.Equal("task_not_found", e.ErrorCode);
        Assert.Equal("no-such-task", e.OperationId);
        Assert.Equal("AceData", e.Provider);
    }

    [Fact]
    public async Task A_batch_retrieve_returns_each_record()
    {
        using var client = AceDataTestClients.Direct(new StubHandler(_time).OnTasks(Reply.Json(AceDataWireFixtures.BatchOfOne)), _time);

        var batch = await client.RetrieveTasksAsync([AceDataWireFixtures.TaskId], Ct);

        Assert.Equal(1, batch.Count);
        var record = Assert.Single(batch.Items);
        Assert.Equal(AceDataWireFixtures.TaskId, record.Id);
        Assert.Equal(AceDataWireFixtures.TaskImageUrl, Assert.Single(record.Response!.Data!).ImageUrl);
        Assert.Equal("generate", record.Request!.Value.GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_relative_image_url_is_a_nano_banana_exception_not_a_crash()
    {
        using var client = PollingClient(AceDataWireFixtures.Task("""{"success":true,"data":[{"image_url":"/nanobanana/a.png"}]}"""));

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GetGenerationAsync(AceDataWireFixtures.TaskId, Ct));

        Assert.Contains("image URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_returns_a_running_operation_named_by_the_task_id()
    {
        using var client = AceDataTestClients.Direct(new StubHandler(_time).OnImages(Reply.Json(AceDataWireFixtures.Accepted)), _time);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        Assert.Equal(AceDataWireFixtures.TaskId, operation.Id);
        Assert.Equal(ImageGenerationStatus.Running, operation.Status);
        Assert.Null(operation.Percent);
    }

    [Fact]
    public async Task A_submit_answer_without_a_task_id_cannot_be_polled()
    {
        using var client = AceDataTestClients.Direct(new StubHandler(_time).OnImages(Reply.Json("""{"success":true}""")), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Contains("task_id", e.Message, StringComparison.Ordinal);
    }
}
