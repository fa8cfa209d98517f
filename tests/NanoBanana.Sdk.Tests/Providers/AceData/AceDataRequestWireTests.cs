using System.Net;
using System.Text.Json;
using NanoBanana.Sdk.Providers.AceData;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>Golden wire tests: what the client sends for each operation of protocols/acedata.md.</summary>
public sealed class AceDataRequestWireTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly StubHandler _stub;

    public AceDataRequestWireTests()
    {
        _stub = new StubHandler(_time)
            .OnImages(Reply.Json(AceDataWireFixtures.SyncSuccess))
            .OnTasks(Reply.Json(AceDataWireFixtures.TaskCompleted));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string SentBody => Assert.Single(_stub.ImagesRequests()).BodyText;

    [Fact]
    public async Task An_edit_sends_the_protocol_example_body_exactly()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);

        await client.GenerateAsync(new ImageGenerationRequest
        {
            Prompt = "let this man wear this T-shirt",
            Model = NanoBananaModel.NanoBananaPro,
            InputImages = [ImageInput.FromUri("https://cdn.acedata.cloud/v8073y.png"), ImageInput.FromUri("https://cdn.acedata.cloud/44xlah.png")],
            ImageCount = 1,
        }, Ct);

        Assert.Equal(
            """{"action":"edit","model":"nano-banana-pro","prompt":"let this man wear this T-shirt","image_urls":["https://cdn.acedata.cloud/v8073y.png","https://cdn.acedata.cloud/44xlah.png"],"count":1}""",
            SentBody);
    }

    [Fact]
    public async Task The_typed_generate_with_a_webhook_sends_the_protocol_example_body_exactly()
    {
        var stub = new StubHandler(_time).OnImages(Reply.Json(AceDataWireFixtures.Accepted));
        using var client = AceDataTestClients.Direct(stub, _time);

        await client.GenerateImagesAsync(new AceDataImageRequest
        {
            Action = AceDataActions.Generate,
            Model = AceDataModels.NanoBanana2,
            Prompt = "a white siamese cat on a windowsill, golden hour",
            AspectRatio = "16:9",
            Resolution = "2K",
            CallbackUrl = new Uri("https://example.com/hooks/acedata"),
        }, Ct);

        Assert.Equal(
            """{"action":"generate","model":"nano-banana-2","prompt":"a white siamese cat on a windowsill, golden hour","aspect_ratio":"16:9","resolution":"2K","callback_url":"https://example.com/hooks/acedata"}""",
            Assert.Single(stub.ImagesRequests()).BodyText);
    }

    [Fact]
    public async Task A_plain_generate_sends_only_action_and_prompt()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);

        await client.GenerateAsync(TestClients.Request("a cat"), Ct);

        Assert.Equal("""{"action":"generate","prompt":"a cat"}""", SentBody);
    }

    [Fact]
    public async Task Generate_posts_json_to_nano_banana_images_with_the_bearer_token()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);

        await client.GenerateAsync(TestClients.Request(), Ct);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri(AceDataTestClients.BaseAddress, "nano-banana/images"), request.Uri);
        Assert.Equal("Bearer " + AceDataTestClients.ApiKey, request.Authorization);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_address_without_a_trailing_slash_still_reaches_the_endpoint()
    {
        using var client = AceDataTestClients.Direct(_stub, _time, o => o.BaseAddress = new Uri("https://127.0.0.1:7443/proxy/acedata"));

        await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal(new Uri("https://127.0.0.1:7443/proxy/acedata/nano-banana/images"), Assert.Single(_stub.Requests).Uri);
    }

    [Fact]
    public async Task Start_sends_async_true()
    {
        var stub = new StubHandler(_time).OnImages(Reply.Json(AceDataWireFixtures.Accepted));
        using var client = AceDataTestClients.Direct(stub, _time);

        await client.StartGenerationAsync(TestClients.Request("a cat"), Ct);

        Assert.Equal("""{"action":"generate","prompt":"a cat","async":true}""", Assert.Single(stub.ImagesRequests()).BodyText);
    }

    [Fact]
    public async Task A_callback_uri_is_sent_with_the_sdk_token_and_async()
    {
        var stub = new StubHandler(_time).OnImages(Reply.Json(AceDataWireFixtures.Accepted));
        using var client = AceDataTestClients.Direct(stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a cat", CallbackUri = new Uri("https://example.com/hooks/acedata?tenant=7") }, Ct);

        using var body = JsonDocument.Parse(Assert.Single(stub.ImagesRequests()).BodyText);
        var callback = new Uri(body.RootElement.GetProperty("callback_url").GetString()!);
        Assert.Equal("https://example.com/hooks/acedata", callback.GetLeftPart(UriPartial.Path));
        Assert.StartsWith("?tenant=7&nb_token=", callback.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(AceDataTestClients.WebhookSecret, callback.Query, StringComparison.Ordinal);
        Assert.True(body.RootElement.GetProperty("async").GetBoolean());
    }

    [Fact]
    public async Task A_callback_uri_without_a_webhook_secret_is_invalid_and_nothing_is_sent()
    {
        using var client = AceDataTestClients.Direct(_stub, _time, o => o.Webhooks.Secrets.Clear());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("https://example.com/hook") }, Ct));

        Assert.Contains("Webhooks:Secrets", e.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Retrieve_sends_the_protocol_example_body_exactly()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);

        await client.RetrieveTaskAsync(AceDataWireFixtures.TaskId, Ct);

        var request = Assert.Single(_stub.TasksRequests());
        Assert.Equal("""{"id":"4d320ead-4af4-4a55-8f3e-f2afebdf4fd0","action":"retrieve"}""", request.BodyText);
        Assert.Equal("Bearer " + AceDataTestClients.ApiKey, request.Authorization);
    }

    [Fact]
    public async Task Retrieve_batch_sends_the_protocol_example_body_exactly()
    {
        var stub = new StubHandler(_time).OnTasks(Reply.Json(AceDataWireFixtures.BatchOfOne));
        using var client = AceDataTestClients.Direct(stub, _time);

        await client.RetrieveTasksAsync(["4d320ead-4af4-4a55-8f3e-f2afebdf4fd0", "1ebe4f2b-59ba-4385-a4ea-0ce8a3fe12ed"], Ct);

        Assert.Equal(
            """{"ids":["4d320ead-4af4-4a55-8f3e-f2afebdf4fd0","1ebe4f2b-59ba-4385-a4ea-0ce8a3fe12ed"],"action":"retrieve_batch"}""",
            Assert.Single(stub.TasksRequests()).BodyText);
    }

    [Theory]
    [InlineData("gemini-2.5-flash-image", "nano-banana")]
    [InlineData("gemini-3.1-flash-image-preview", "nano-banana-2")]
    [InlineData("gemini-3-pro-image-preview", "nano-banana-pro")]
    [InlineData("nano-banana-pro:official", "nano-banana-pro:official")]
    public async Task Neutral_model_names_become_the_vendor_ids_and_others_pass_through(string model, string sent)
    {
        using var client = AceDataTestClients.Direct(_stub, _time);

        await client.GenerateAsync(new ImageGenerationRequest { Prompt = "p", Model = model }, Ct);

        Assert.Equal(sent, JsonDocument.Parse(SentBody).RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task The_default_model_option_is_sent_when_the_request_names_none()
    {
        using var client = AceDataTestClients.Direct(_stub, _time, o => o.DefaultModel = AceDataModels.NanoBananaPro);

        await client.GenerateAsync(new ImageGenerationRequest { Prompt = "p", Resolution = ImageResolution.FourK }, Ct);

        Assert.Equal("""{"action":"generate","model":"nano-banana-pro","prompt":"p","resolution":"4K"}""", SentBody);
    }

    [Fact]
    public async Task A_bytes_reference_is_sent_as_a_data_uri_of_its_media_type()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);
        var png = Png.Tiny;

        await client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromBytes(png, "image/png")] }, Ct);

        Assert.Equal(
            """{"action":"edit","prompt":"edit","image_urls":["data:image/png;base64,""" + Convert.ToBase64String(png) + "\"]}",
            SentBody);
    }

    [Fact]
    public async Task A_file_reference_is_streamed_as_a_data_uri_with_the_type_read_from_its_bytes()
    {
        var bytes = RandomImage([0xFF, 0xD8, 0xFF, 0xE0], 300_001);
        using var file = new TempFile(bytes);
        using var client = AceDataTestClients.Direct(_stub, _time);

        await client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(file.Path)] }, Ct);

        var uri = JsonDocument.Parse(SentBody).RootElement.GetProperty("image_urls")[0].GetString()!;
        Assert.StartsWith("data:image/jpeg;base64,", uri, StringComparison.Ordinal);
        Assert.Equal(bytes, Convert.FromBase64String(uri["data:image/jpeg;base64,".Length..]));
    }

    [Fact]
    public async Task A_webp_file_is_recognised_by_its_riff_header()
    {
        using var file = new TempFile(RandomImage("RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), 64));
        using var client = AceDataTestClients.Direct(_stub, _time);

        await client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(file.Path)] }, Ct);

        Assert.Contains("\"data:image/webp;base64,", SentBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resent_submit_carries_the_same_streamed_body_again()
    {
        var bytes = RandomImage([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 100_000);
        using var file = new TempFile(bytes);
        var stub = new StubHandler(_time).OnImages(
            Reply.Json(AceDataWireFixtures.Error("too_many_requests", "slow down"), HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1)),
            Reply.Json(AceDataWireFixtures.SyncSuccess));
        using var client = AceDataTestClients.Resilient(stub, _time);

        await _time.RunAsync(client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(file.Path)] }, Ct));

        var sent = stub.ImagesRequests();
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].Body, sent[1].Body);
        Assert.Contains(Convert.ToBase64String(bytes), sent[1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_over_10_mib_is_rejected_before_sending()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);
        var image = ImageInput.FromBytes(new byte[(10 * 1024 * 1024) + 1], "image/png");

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [image] }, Ct));

        Assert.Contains("10 MiB", e.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_file_that_is_not_png_jpeg_or_webp_is_rejected_before_sending()
    {
        using var file = new TempFile("GIF89a-not-supported"u8.ToArray());
        using var client = AceDataTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(file.Path)] }, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_media_type_the_vendor_does_not_take_is_not_supported_before_sending()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<NotSupportedException>(() =>
            client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromBytes(new byte[] { 1, 2, 3 }, "image/gif")] }, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task More_than_16_reference_images_are_not_supported_before_sending()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);
        var images = Enumerable.Range(0, 17).Select(i => ImageInput.FromUri($"https://example.com/{i}.png")).ToList();

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = images }, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Theory]
    [InlineData("16:9", null)]
    [InlineData(null, "2K")]
    public async Task An_aspect_ratio_or_resolution_on_an_edit_is_not_supported_before_sending(string? ratio, string? resolution)
    {
        using var client = AceDataTestClients.Direct(_stub, _time);
        var request = new ImageGenerationRequest
        {
            Prompt = "edit",
            InputImages = [ImageInput.FromUri("https://example.com/a.png")],
            AspectRatio = ratio is null ? default(AspectRatio?) : new AspectRatio(ratio),
            Resolution = resolution is null ? default(ImageResolution?) : new ImageResolution(resolution),
        };

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateAsync(request, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Theory]
    [InlineData(null, "2K")]
    [InlineData("nano-banana", "4K")]
    [InlineData("nano-banana-2-lite", "2K")]
    public async Task A_resolution_above_1k_on_a_1k_only_model_is_not_supported_before_sending(string? model, string resolution)
    {
        using var client = AceDataTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "p", Model = model is null ? default(NanoBananaModel?) : new NanoBananaModel(model), Resolution = new ImageResolution(resolution) }, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Additional_properties_are_written_after_the_known_fields()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);
        using var seed = JsonDocument.Parse("42");

        await client.GenerateAsync(new ImageGenerationRequest
        {
            Prompt = "p",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["seed"] = seed.RootElement.Clone() },
        }, Ct);

        Assert.Equal("""{"action":"generate","prompt":"p","seed":42}""", SentBody);
    }

    [Fact]
    public async Task An_additional_property_that_repeats_a_known_field_is_rejected_before_sending()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);
        using var model = JsonDocument.Parse("\"nano-banana\"");

        await Assert.ThrowsAsync<ArgumentException>(() => client.GenerateAsync(new ImageGenerationRequest
        {
            Prompt = "p",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["model"] = model.RootElement.Clone() },
        }, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_typed_edit_without_images_is_rejected_before_sending()
    {
        using var client = AceDataTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.GenerateImagesAsync(new AceDataImageRequest { Action = AceDataActions.Edit, Prompt = "p" }, Ct));

        Assert.Empty(_stub.Requests);
    }

    private static byte[] RandomImage(byte[] header, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        header.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A temporary file deleted on dispose.</summary>
    private sealed class TempFile : IDisposable
    {
        public TempFile(byte[] content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nanobanana-acedata-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
