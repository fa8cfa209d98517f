using NanoBanana.Sdk.Providers.BananaPro;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>Golden wire tests: how the client reads each answer of protocols/bananapro.md and the assumed status shape.</summary>
public sealed class BananaProResponseWireTests
{
    private static readonly PollingStrategy Immediate = PollingStrategy.Fixed(TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StubHandler Job(params string[] polls) =>
        BananaProTestClients.Accepting(_time).On(HttpMethod.Get, BananaProTestClients.StatusPath, [.. polls.Select(p => Reply.Json(p))]);

    private async Task<ImageGenerationResult> Generate(StubHandler stub)
    {
        using var client = BananaProTestClients.Direct(stub, _time, o => o.PollingStrategy = Immediate);
        return await _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));
    }

    [Fact]
    public async Task The_submit_answer_becomes_an_operation_named_by_task_id()
    {
        using var client = BananaProTestClients.Direct(BananaProTestClients.Accepting(_time), _time);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        Assert.Equal(BananaProFixtures.TaskId, operation.Id);
        Assert.Equal(ImageGenerationStatus.Queued, operation.Status);
        Assert.Equal(BananaProImageClient.ProviderId, operation.Provider);
    }

    [Fact]
    public async Task The_vendor_submit_answer_keeps_credits_and_model()
    {
        using var client = BananaProTestClients.Direct(BananaProTestClients.Accepting(_time), _time);

        var response = await client.GenerateImagesAsync(new BananaProGenerateRequest { Model = "nano-banana", Prompt = "p" }, Ct);

        Assert.Equal(4m, response.CreditsUsed);
        Assert.Equal(496m, response.RemainingCredits);
        Assert.Equal("nano-banana", response.Model);
    }

    [Fact]
    public async Task A_completed_task_becomes_one_url_image_with_the_submit_costs()
    {
        var result = await Generate(Job(BananaProFixtures.Task("pending"), BananaProFixtures.Task("processing"), BananaProFixtures.Task("completed", BananaProFixtures.ImageUrl)));

        Assert.Equal(BananaProFixtures.TaskId, result.OperationId);
        var image = Assert.Single(result.Images);
        Assert.Equal(new Uri(BananaProFixtures.ImageUrl), image.Uri);
        Assert.Equal("image/png", image.MediaType);
        Assert.Null(image.ExpiresAt);
        Assert.Equal(4m, result.Usage?.CreditsUsed);
        Assert.Equal(496m, result.Usage?.RemainingCredits);
    }

    [Fact]
    public async Task The_url_field_is_read_when_image_url_is_absent()
    {
        var result = await Generate(Job("""{"success":true,"data":{"task_id":"task_abc123","status":"completed","url":"https://cdn.example.com/b.jpg"}}"""));

        Assert.Equal("https://cdn.example.com/b.jpg", Assert.Single(result.Images).Uri?.AbsoluteUri);
    }

    [Theory]
    [InlineData("pending", "queued")]
    [InlineData("queued", "queued")]
    [InlineData("processing", "running")]
    [InlineData("generating", "running")]
    [InlineData("success", "succeeded")]
    [InlineData("done", "succeeded")]
    [InlineData("error", "failed")]
    [InlineData("cancelled", "failed")]
    public async Task Status_words_map_onto_the_common_states(string vendorStatus, string expected)
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, BananaProTestClients.StatusPath, Reply.Json(BananaProFixtures.Task(vendorStatus, BananaProFixtures.ImageUrl, "boom")));
        using var client = BananaProTestClients.Direct(stub, _time);

        var operation = await client.GetGenerationAsync(BananaProFixtures.TaskId, Ct);

        Assert.Equal(new ImageGenerationStatus(expected), operation.Status);
    }

    [Fact]
    public async Task A_failed_task_throws_generation_failed_with_the_reason_and_the_task_id()
    {
        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() =>
            Generate(Job(BananaProFixtures.Task("failed", error: "upstream model crashed"))));

        Assert.Equal(BananaProFixtures.TaskId, e.OperationId);
        Assert.Contains("upstream model crashed", e.Message, StringComparison.Ordinal);
        Assert.Contains("4 credit(s) were charged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_object_in_a_failed_task_is_read_for_its_message()
    {
        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => Generate(Job(
            """{"success":true,"data":{"task_id":"task_abc123","status":"failed","error":{"code":"upstream","message":"model overloaded"}}}""")));

        Assert.Contains("model overloaded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safety_failure_throws_content_filtered()
    {
        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() =>
            Generate(Job(BananaProFixtures.Task("failed", error: "Blocked by the safety filter"))));

        Assert.Equal(BananaProFixtures.TaskId, e.OperationId);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task A_completed_task_without_an_image_url_is_a_failure()
    {
        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => Generate(Job(BananaProFixtures.Task("completed"))));

        Assert.Contains("without an image URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Balances_are_read_from_data()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/account/balances", Reply.Json(BananaProFixtures.Balances));
        using var client = BananaProTestClients.Direct(stub, _time);

        var balances = await client.GetBalancesAsync(Ct);

        Assert.Equal(100m, balances.WebCredits);
        Assert.Equal(500m, balances.ApiCredits);
    }

    [Fact]
    public async Task Webhook_answers_are_read_into_endpoint_records()
    {
        var stub = new StubHandler(_time)
            .On(HttpMethod.Post, "/api/v1/webhooks", Reply.Json(BananaProFixtures.WebhookCreated))
            .On(HttpMethod.Get, "/api/v1/webhooks", Reply.Json(BananaProFixtures.WebhookList));
        using var client = BananaProTestClients.Direct(stub, _time);

        var created = await client.CreateWebhookAsync(new Uri("https://example.com/hooks/bananapro"), BananaProWebhookEvents.Default, "s", Ct);
        var listed = Assert.Single(await client.ListWebhooksAsync(Ct));

        Assert.Equal((created.Id, created.Url, created.Status), (listed.Id, listed.Url, listed.Status));
        Assert.Equal(1, created.Id);
        Assert.Equal("active", created.Status);
        Assert.Equal(BananaProWebhookEvents.Default, created.Events);
    }

    [Fact]
    public async Task A_success_status_with_success_false_is_an_exception_with_the_vendor_code()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/images/generate", Reply.Json(BananaProFixtures.Error("invalid_request", "prompt is required")));
        using var client = BananaProTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Equal("invalid_request", e.ErrorCode);
        Assert.Equal("req_err42", e.RequestId);
        Assert.Contains("prompt is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_answer_without_a_task_id_is_an_exception()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/images/generate", Reply.Json("""{"success":true,"data":{"credits_used":4}}"""));
        using var client = BananaProTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Contains("task_id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_answer_without_data_carries_the_task_id()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, BananaProTestClients.StatusPath, Reply.Json("""{"success":true}"""));
        using var client = BananaProTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GetGenerationAsync(BananaProFixtures.TaskId, Ct));

        Assert.Equal(BananaProFixtures.TaskId, e.OperationId);
    }
}
