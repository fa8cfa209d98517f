using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Providers.NanaNanoBanana;

/// <summary>Golden wire tests: how the client reads each response shape of protocols/nananobanana.md.</summary>
public sealed class NanaNanoBananaResponseWireTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CreatedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Now);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NanaNanoBananaImageClient Client(StubHandler stub) => TestClients.Direct(stub, _time);

    [Fact]
    public async Task Sync_response_becomes_one_url_image_with_the_generation_id()
    {
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.SyncSuccess)));

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal(NanaNanoBananaImageClient.ProviderId, result.Provider);
        Assert.Equal(WireFixtures.GenerationId, result.OperationId);
        var image = Assert.Single(result.Images);
        Assert.Equal(new Uri(WireFixtures.ImageUrl), image.Uri);
        Assert.Null(image.Data);
    }

    [Fact]
    public async Task Sync_response_image_media_type_comes_from_the_url_extension()
    {
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.SyncSuccess)));

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal("image/png", Assert.Single(result.Images).MediaType);
    }

    [Fact]
    public async Task Sync_response_image_expires_fifteen_days_after_now()
    {
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.SyncSuccess)));

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal(Now + TimeSpan.FromDays(15), Assert.Single(result.Images).ExpiresAt);
    }

    [Fact]
    public async Task Sync_response_credits_become_usage()
    {
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.SyncSuccess)));

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.NotNull(result.Usage);
        Assert.Equal(1m, result.Usage.CreditsUsed);
        Assert.Equal(99m, result.Usage.RemainingCredits);
    }

    [Fact]
    public async Task Sync_response_keeps_the_vendor_record_as_raw_representation()
    {
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.SyncSuccess)));

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        var raw = Assert.IsType<NanaNanoBananaGenerateResponse>(result.RawRepresentation);
        Assert.True(raw.Success);
        Assert.Equal([WireFixtures.ImageUrl], raw.ImageUrls);
    }

    [Fact]
    public async Task Sync_response_with_data_output_image_urls_is_read_too()
    {
        const string Alternative = """
            {"success":true,"generationId":"clalt","data":{"id":"clalt","outputImageUrls":["https://cdn.example/png/a.png","https://cdn.example/png/b.jpg"]},"creditsUsed":2}
            """;
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(Alternative)));

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal("clalt", result.OperationId);
        Assert.Equal(
            [new Uri("https://cdn.example/png/a.png"), new Uri("https://cdn.example/png/b.jpg")],
            result.Images.Select(i => i.Uri));
        Assert.Equal(["image/png", "image/jpeg"], result.Images.Select(i => i.MediaType));
    }

    [Fact]
    public async Task Sync_warning_response_throws_content_filtered_with_the_generation_id()
    {
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.SyncWarning)));

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(WireFixtures.GenerationId, e.OperationId);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
        Assert.False(e.IsTransient);
        Assert.Contains("Content safety check failed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_success_false_without_warning_throws_generation_failed()
    {
        const string Failed = """{"success":false,"generationId":"clfail","error":"upstream exploded","creditsUsed":1}""";
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(Failed)));

        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal("clfail", e.OperationId);
        Assert.Contains("upstream exploded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Async_submit_returns_a_running_operation_with_the_generation_id()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.AsyncAccepted));
        using var client = Client(stub);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        Assert.Equal(WireFixtures.GenerationId, operation.Id);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, operation.Provider);
        Assert.Equal(ImageGenerationStatus.Running, operation.Status);
        Assert.False(operation.HasCompleted);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Poll_processing_record_is_a_running_operation_without_value()
    {
        using var client = Client(new StubHandler(_time).OnPoll(Reply.Json(WireFixtures.PollProcessing)));

        var operation = await client.GetGenerationAsync(WireFixtures.GenerationId, Ct);

        Assert.Equal(ImageGenerationStatus.Running, operation.Status);
        Assert.False(operation.HasCompleted);
        Assert.False(operation.HasValue);
        Assert.Throws<InvalidOperationException>(() => operation.Value);
    }

    [Fact]
    public async Task Poll_completed_record_is_a_succeeded_operation_with_the_output_urls()
    {
        using var client = Client(new StubHandler(_time).OnPoll(Reply.Json(WireFixtures.PollCompleted)));

        var operation = await client.GetGenerationAsync(WireFixtures.GenerationId, Ct);

        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.True(operation.HasCompleted);
        Assert.Equal(100, operation.Percent);
        var result = operation.Value;
        Assert.Equal(WireFixtures.GenerationId, result.OperationId);
        var image = Assert.Single(result.Images);
        Assert.Equal(new Uri(WireFixtures.ImageUrl), image.Uri);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(CreatedAt + TimeSpan.FromDays(15), image.ExpiresAt);
        Assert.Equal(1m, result.Usage?.CreditsUsed);
        Assert.IsType<NanaNanoBananaGeneration>(result.RawRepresentation);
    }

    [Fact]
    public async Task Poll_failed_record_is_a_failed_operation_whose_value_throws_generation_failed()
    {
        using var client = Client(new StubHandler(_time).OnPoll(Reply.Json(WireFixtures.PollFailed)));

        var operation = await client.GetGenerationAsync(WireFixtures.GenerationId, Ct);

        Assert.Equal(ImageGenerationStatus.Failed, operation.Status);
        Assert.True(operation.HasCompleted);
        Assert.False(operation.HasValue);
        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Equal(WireFixtures.GenerationId, e.OperationId);
        Assert.Contains("Generation failed due to server error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_completed_record_without_urls_is_not_reported_as_success()
    {
        using var client = Client(new StubHandler(_time).OnPoll(Reply.Json(WireFixtures.Poll("completed"))));

        var operation = await client.GetGenerationAsync(WireFixtures.GenerationId, Ct);

        Assert.Equal(ImageGenerationStatus.Failed, operation.Status);
        Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
    }

    [Fact]
    public async Task Poll_record_is_returned_typed_by_the_vendor_operation()
    {
        using var client = Client(new StubHandler(_time).OnPoll(Reply.Json(WireFixtures.PollProcessing)));

        var record = await client.GetGenerationRecordAsync(WireFixtures.GenerationId, Ct);

        Assert.Equal(WireFixtures.GenerationId, record.Id);
        Assert.Equal("processing", record.ProcessingStatus);
        Assert.Null(record.OutputImageUrls);
        Assert.Equal("nano-banana", record.ModelUsed);
        Assert.Equal(1m, record.CreditsUsed);
        Assert.Equal(CreatedAt, record.CreatedAt);
    }

    [Fact]
    public async Task Models_are_parsed_with_ids_kept_verbatim()
    {
        using var client = Client(new StubHandler(_time).On(HttpMethod.Get, "/models", Reply.Json(WireFixtures.Models)));

        var models = await client.GetModelsAsync(Ct);

        Assert.Equal(2, models.Count);
        Assert.Equal(
            new NanaNanoBananaModelInfo
            {
                Name = "nano-banana",
                DisplayName = "Nano Banana",
                CreditsCost = 1,
                SupportsImageInput = true,
                SupportsAspectRatio = true,
                RequiresPro = false,
            },
            models[0]);
        Assert.Equal("nanobanan2&pro", models[1].Name);
        Assert.True(models[1].RequiresPro);
        Assert.Equal(3m, models[1].CreditsCost);
        Assert.Equal("Pro model", models[1].Description);
    }

    [Fact]
    public async Task Credits_are_parsed()
    {
        using var client = Client(new StubHandler(_time).On(HttpMethod.Get, "/credits", Reply.Json(WireFixtures.Credits)));

        var credits = await client.GetCreditsAsync(Ct);

        Assert.Equal(100m, credits.Credits);
    }

    [Fact]
    public async Task Site_relative_image_url_is_resolved_against_the_api_host()
    {
        const string Body = """{"success":true,"generationId":"g","imageUrls":["/png/x.png"]}""";
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(Body)));

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal(new Uri("https://127.0.0.1:7443/png/x.png"), Assert.Single(result.Images).Uri);
    }

    [Fact]
    public async Task Protocol_relative_image_url_gets_the_api_scheme()
    {
        const string Body = """{"success":true,"generationId":"g","imageUrls":["//cdn.host/x.png"]}""";
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(Body)));

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        var image = Assert.Single(result.Images);
        Assert.Equal(new Uri("https://cdn.host/x.png"), image.Uri);
        Assert.Equal("image/png", image.MediaType);
    }

    [Fact]
    public async Task Success_without_any_image_url_throws_generation_failed()
    {
        const string Body = """{"success":true,"generationId":"g","imageUrls":[]}""";
        using var client = Client(new StubHandler(_time).OnSubmit(Reply.Json(Body)));

        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal("g", e.OperationId);
    }

    [Fact]
    public async Task Url_image_downloads_through_the_client_pipeline()
    {
        var png = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3 };
        var stub = new StubHandler(_time)
            .OnSubmit(Reply.Json(WireFixtures.SyncSuccess))
            .On(HttpMethod.Get, "/1777876630130_282.png", _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(png) });
        using var client = Client(stub);
        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        var bytes = await Assert.Single(result.Images).GetBytesAsync(Ct);

        Assert.Equal(png, bytes.ToArray());
        Assert.Equal(new Uri(WireFixtures.ImageUrl), stub.Requests[^1].Uri);
    }
}
