using System.Text.Json;
using NanoBanana.Sdk.Providers.BananaPro;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>Golden wire tests: what the client sends for each operation of protocols/bananapro.md.</summary>
public sealed class BananaProRequestWireTests
{
    private const string SubmitPath = "/api/v1/images/generate";
    private readonly ManualTimeProvider _time = new();
    private readonly StubHandler _stub;

    public BananaProRequestWireTests()
    {
        _stub = BananaProTestClients.Accepting(_time)
            .On(HttpMethod.Get, BananaProTestClients.StatusPath, Reply.Json(BananaProFixtures.Task("pending")))
            .On(HttpMethod.Get, "/api/v1/account/balances", Reply.Json(BananaProFixtures.Balances))
            .On(HttpMethod.Get, "/api/v1/webhooks", Reply.Json(BananaProFixtures.WebhookList))
            .On(HttpMethod.Post, "/api/v1/webhooks", Reply.Json(BananaProFixtures.WebhookCreated))
            .On(HttpMethod.Delete, "/api/v1/webhooks/1", Reply.Json(BananaProFixtures.WebhookDeleted));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StubRequest Submitted => Assert.Single(_stub.RequestsTo(HttpMethod.Post, SubmitPath));

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task The_protocol_image_to_image_example_is_sent_exactly()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "Add a cyberpunk neon glow effect to this image",
            InputImages = [ImageInput.FromUri("https://example.com/input.png")],
            AspectRatio = AspectRatio.Landscape16x9,
        }, Ct);

        Assert.Equal(
            """{"model":"nano-banana","type":"image-to-image","prompt":"Add a cyberpunk neon glow effect to this image","image_urls":["https://example.com/input.png"],"aspect_ratio":"16:9","num_images":1}""",
            Submitted.BodyText);
    }

    [Fact]
    public async Task The_protocol_pro_example_is_sent_exactly()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "A futuristic city at night with neon lights",
            Model = NanoBananaModel.NanoBananaPro,
            Resolution = ImageResolution.TwoK,
            AspectRatio = AspectRatio.Landscape16x9,
        }, Ct);

        Assert.Equal(
            """{"model":"nano-banana-pro","type":"text-to-image","prompt":"A futuristic city at night with neon lights","resolution":"2K","aspect_ratio":"16:9","num_images":1}""",
            Submitted.BodyText);
    }

    [Fact]
    public async Task A_minimal_request_sends_the_default_model_and_no_unset_fields()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(TestClients.Request("a cat"), Ct);

        Assert.Equal("""{"model":"nano-banana","type":"text-to-image","prompt":"a cat","num_images":1}""", Submitted.BodyText);
    }

    [Fact]
    public async Task Submit_is_a_post_with_the_bearer_key_and_json_content_type()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(TestClients.Request(), Ct);

        var request = Submitted;
        Assert.Equal(new Uri(BananaProTestClients.BaseAddress, "api/v1/images/generate"), request.Uri);
        Assert.Equal("Bearer " + BananaProTestClients.ApiKey, request.Authorization);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_bytes_are_sent_as_a_base64_data_uri()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "edit",
            InputImages = [ImageInput.FromBytes(Png.Tiny, "image/png")],
        }, Ct);

        using var body = JsonDocument.Parse(Submitted.Body);
        Assert.Equal("image-to-image", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(Png.Tiny), body.RootElement.GetProperty("image_urls")[0].GetString());
    }

    [Fact]
    public async Task A_large_reference_image_crosses_chunk_boundaries_without_corruption()
    {
        var bytes = new byte[(3 * 16 * 1024 * 3) + 7];
        new Random(42).NextBytes(bytes);
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromBytes(bytes, "image/jpeg")] }, Ct);

        using var body = JsonDocument.Parse(Submitted.Body);
        var dataUri = body.RootElement.GetProperty("image_urls")[0].GetString()!;
        Assert.StartsWith("data:image/jpeg;base64,", dataUri, StringComparison.Ordinal);
        Assert.Equal(bytes, Convert.FromBase64String(dataUri["data:image/jpeg;base64,".Length..]));
        Assert.DoesNotContain("\\u002B", Submitted.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_file_is_streamed_into_the_body_with_the_media_type_of_its_name()
    {
        var path = Path.Combine(Path.GetTempPath(), "nanobanana-tests", Guid.NewGuid().ToString("N") + ".webp");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Enumerable.Range(0, 100_001).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(path, bytes, Ct);
        try
        {
            using var client = BananaProTestClients.Direct(_stub, _time);

            await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(path)] }, Ct);

            using var body = JsonDocument.Parse(Submitted.Body);
            Assert.Equal("data:image/webp;base64," + Convert.ToBase64String(bytes), body.RootElement.GetProperty("image_urls")[0].GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_reference_file_of_unknown_type_is_an_argument_exception_and_nothing_is_sent()
    {
        var path = Path.Combine(Path.GetTempPath(), "nanobanana-tests", Guid.NewGuid().ToString("N") + ".bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Png.Tiny, Ct);
        try
        {
            using var client = BananaProTestClients.Direct(_stub, _time);
            var request = new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(path)] };

            var e = await Assert.ThrowsAsync<ArgumentException>(() => client.StartGenerationAsync(request, Ct));

            Assert.Contains("media type", e.Message, StringComparison.Ordinal);
            Assert.Empty(_stub.Requests);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("gemini-2.5-flash-image", "nano-banana")]
    [InlineData("gemini-3-pro-image-preview", "nano-banana-pro")]
    [InlineData("nano-banana-free", "nano-banana-free")]
    public async Task Neutral_model_names_map_to_vendor_ids_and_others_pass_through(string model, string expected)
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", Model = new NanoBananaModel(model) }, Ct);

        using var body = JsonDocument.Parse(Submitted.Body);
        Assert.Equal(expected, body.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Nano_banana_2_is_not_offered_and_nothing_is_sent()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<NotSupportedException>(() =>
            client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", Model = NanoBananaModel.NanoBanana2 }, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_resolution_without_the_pro_model_is_not_supported_and_nothing_is_sent()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        var e = await Assert.ThrowsAsync<NotSupportedException>(() =>
            client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", Resolution = ImageResolution.FourK }, Ct));

        Assert.Contains("nano-banana-pro", e.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_callback_uri_is_not_supported_and_points_to_account_webhooks()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        var e = await Assert.ThrowsAsync<NotSupportedException>(() =>
            client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("https://example.com/hook") }, Ct));

        Assert.Contains("CreateWebhookAsync", e.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Additional_properties_are_written_after_the_documented_fields()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "p",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["seed"] = Json("7") },
        }, Ct);

        Assert.Equal("""{"model":"nano-banana","type":"text-to-image","prompt":"p","num_images":1,"seed":7}""", Submitted.BodyText);
    }

    [Fact]
    public async Task Additional_properties_that_repeat_a_documented_field_are_rejected_before_sending()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);
        var request = new ImageGenerationRequest { Prompt = "p", AdditionalProperties = new Dictionary<string, JsonElement> { ["model"] = Json("\"x\"") } };

        await Assert.ThrowsAsync<ArgumentException>(() => client.StartGenerationAsync(request, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task The_vendor_request_is_sent_as_given()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        var response = await client.GenerateImagesAsync(new BananaProGenerateRequest { Model = "nano-banana-pro", Prompt = "p", Resolution = "4K" }, Ct);

        Assert.Equal("""{"model":"nano-banana-pro","prompt":"p","resolution":"4K"}""", Submitted.BodyText);
        Assert.Equal(BananaProFixtures.TaskId, response.TaskId);
    }

    [Fact]
    public async Task The_status_read_is_get_api_v1_images_task_id_by_default()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.GetTaskAsync(BananaProFixtures.TaskId, Ct);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(new Uri(BananaProTestClients.BaseAddress, BananaProTestClients.StatusPath), request.Uri);
        Assert.Equal("Bearer " + BananaProTestClients.ApiKey, request.Authorization);
    }

    [Fact]
    public async Task The_status_path_template_can_be_changed_and_escapes_the_id()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/status/a%2Fb", Reply.Json(BananaProFixtures.Task("processing")));
        using var client = BananaProTestClients.Direct(stub, _time, o => o.StatusPathTemplate = "/api/v1/status/{task_id}");

        await client.GetTaskAsync("a/b", Ct);

        Assert.Equal("/api/v1/status/a%2Fb", Assert.Single(stub.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_it_for_every_call()
    {
        using var client = BananaProTestClients.Direct(_stub, _time, o => o.BaseAddress = new Uri("https://127.0.0.1:7443/gateway"));

        await client.GetTaskAsync(BananaProFixtures.TaskId, Ct);
        await client.GetBalancesAsync(Ct);

        Assert.Equal(["/gateway" + BananaProTestClients.StatusPath, "/gateway/api/v1/account/balances"], _stub.Requests.Select(r => r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task Balances_is_an_authenticated_get()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.GetBalancesAsync(Ct);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/api/v1/account/balances", request.Uri.AbsolutePath);
        Assert.Equal("Bearer " + BananaProTestClients.ApiKey, request.Authorization);
    }

    [Fact]
    public async Task Creating_a_webhook_sends_the_protocol_example_exactly()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.CreateWebhookAsync(new Uri("https://example.com/hooks/bananapro"), BananaProWebhookEvents.Default, "whsec_local_secret", Ct);

        var request = Assert.Single(_stub.RequestsTo(HttpMethod.Post, "/api/v1/webhooks"));
        Assert.Equal(
            """{"url":"https://example.com/hooks/bananapro","events":["job.completed","job.failed"],"secret_key":"whsec_local_secret"}""",
            request.BodyText);
        Assert.Equal("Bearer " + BananaProTestClients.ApiKey, request.Authorization);
    }

    [Fact]
    public async Task Creating_a_webhook_without_a_secret_leaves_secret_key_out()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.CreateWebhookAsync(new Uri("https://example.com/hooks/bananapro"), [BananaProWebhookEvents.JobCompleted], cancellationToken: Ct);

        Assert.Equal("""{"url":"https://example.com/hooks/bananapro","events":["job.completed"]}""", Assert.Single(_stub.Requests).BodyText);
    }

    [Fact]
    public async Task Creating_a_webhook_with_no_events_is_rejected_before_sending()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateWebhookAsync(new Uri("https://example.com/h"), [], "s", Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Listing_and_deleting_webhooks_use_get_and_delete()
    {
        using var client = BananaProTestClients.Direct(_stub, _time);

        await client.ListWebhooksAsync(Ct);
        await client.DeleteWebhookAsync(1, Ct);

        Assert.Equal(
            [(HttpMethod.Get, "/api/v1/webhooks"), (HttpMethod.Delete, "/api/v1/webhooks/1")],
            _stub.Requests.Select(r => (r.Method, r.Uri.AbsolutePath)));
    }
}
