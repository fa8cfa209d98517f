using System.Text;
using System.Text.Json;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Golden wire tests: what the client sends for each call of protocol B.</summary>
public sealed class DreamToJobsRequestWireTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly StubHandler _stub;

    public DreamToJobsRequestWireTests()
    {
        _stub = new StubHandler(_time)
            .On(HttpMethod.Post, "/v1/jobs", Reply.Json(DreamToJobsWireFixtures.Accepted))
            .On(HttpMethod.Get, "/v1/jobs/" + DreamToJobsWireFixtures.JobId, Reply.Json(DreamToJobsWireFixtures.SucceededWithUrl))
            .On(HttpMethod.Post, "/v1/files/upload", Reply.Json(DreamToJobsWireFixtures.Uploaded));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReadOnlyList<StubRequest> Submits => _stub.RequestsTo(HttpMethod.Post, "/v1/jobs");

    private IReadOnlyList<StubRequest> Uploads => _stub.RequestsTo(HttpMethod.Post, "/v1/files/upload");

    [Fact]
    public async Task Create_job_sends_the_protocol_example_body_exactly()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await client.CreateJobAsync(new DreamToJobRequest
        {
            Model = "nano-banana-pro",
            Input = new DreamToJobInput
            {
                Prompt = "Remove the mottled marks on the top edge of the keyboard; keep everything else unchanged",
                ReferenceImageUrls = [new Uri("https://example.com/reference.png")],
                ImageSize = "1K",
                AspectRatio = "1:1",
                MimeType = "image/png",
                ResponseModalities = ["TEXT", "IMAGE"],
                Seed = 12345,
                CallbackUrl = new Uri("https://example.com/webhook"),
            },
        }, Ct);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri(DreamToJobsTestClients.BaseAddress, "v1/jobs"), request.Uri);
        Assert.Equal(DreamToJobsWireFixtures.ProtocolExampleRequest, request.BodyText);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_maps_the_common_request_into_input()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "a lighthouse at dusk",
            Model = NanoBananaModel.NanoBananaPro,
            InputImages = [ImageInput.FromUri("https://example.com/source.jpg")],
            AspectRatio = AspectRatio.Landscape16x9,
            Resolution = ImageResolution.TwoK,
            OutputMediaType = "image/jpeg",
        }, Ct);

        Assert.Equal(
            """{"model":"nano-banana-pro","input":{"prompt":"a lighthouse at dusk","reference_image_urls":["https://example.com/source.jpg"],"image_size":"2K","aspect_ratio":"16:9","mime_type":"image/jpeg"}}""",
            Assert.Single(Submits).BodyText);
    }

    [Fact]
    public async Task Start_without_options_sends_the_default_model_and_the_prompt_only()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a cat" }, Ct);

        Assert.Equal("""{"model":"nano-banana-pro","input":{"prompt":"a cat"}}""", Assert.Single(Submits).BodyText);
    }

    [Fact]
    public async Task A_model_id_other_than_the_neutral_pro_name_is_sent_as_given()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a cat", Model = "nano-banana-2" }, Ct);

        Assert.Contains("\"model\":\"nano-banana-2\"", Assert.Single(Submits).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Additional_properties_are_written_into_input()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "a cat",
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["seed"] = JsonSerializer.SerializeToElement(7, DreamToJobsTestJson.Default.Int32),
                ["response_modalities"] = JsonSerializer.SerializeToElement(["IMAGE"], DreamToJobsTestJson.Default.StringArray),
            },
        }, Ct);

        Assert.Equal(
            """{"model":"nano-banana-pro","input":{"prompt":"a cat","seed":7,"response_modalities":["IMAGE"]}}""",
            Assert.Single(Submits).BodyText);
    }

    [Fact]
    public async Task Every_call_carries_the_bearer_key()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await client.CreateJobAsync(new DreamToJobRequest { Model = "nano-banana-pro", Input = new DreamToJobInput { Prompt = "p" } }, Ct);
        await client.GetJobAsync(DreamToJobsWireFixtures.JobId, Ct);
        await client.UploadFileAsync(Png.Tiny, "reference.png", "image/png", Ct);

        Assert.Equal(3, _stub.Requests.Count);
        Assert.All(_stub.Requests, r => Assert.Equal("Bearer " + DreamToJobsTestClients.ApiKey, r.Authorization));
    }

    [Fact]
    public async Task A_base_address_without_a_trailing_slash_still_reaches_v1_jobs()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time, o => o.BaseAddress = new Uri("https://127.0.0.1:7443/gateway"));

        await client.StartGenerationAsync(TestClients.Request(), Ct);

        Assert.Equal("https://127.0.0.1:7443/gateway/v1/jobs", Assert.Single(_stub.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_status_read_escapes_the_job_id_in_the_path()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/v1/jobs/job%2F1", Reply.Json(DreamToJobsWireFixtures.Processing));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        await client.GetJobAsync("job/1", Ct);

        Assert.Equal("/v1/jobs/job%2F1", Assert.Single(stub.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_callback_uri_is_sent_inside_input_with_the_sdk_token_added()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);
        var callback = new Uri("https://app.example.com/hooks/dreamto?tenant=7");

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a cat", CallbackUri = callback }, Ct);

        using var body = JsonDocument.Parse(Assert.Single(Submits).Body);
        var sent = new Uri(body.RootElement.GetProperty("input").GetProperty("callback_url").GetString()!);
        Assert.Equal(CallbackUrlToken.Append(callback, DreamToJobsTestClients.WebhookSecret), sent);
        Assert.StartsWith("https://app.example.com/hooks/dreamto?tenant=7&nb_token=", sent.AbsoluteUri, StringComparison.Ordinal);
        Assert.False(body.RootElement.TryGetProperty("callback_url", out _), "callback_url belongs inside input");
    }

    [Fact]
    public async Task A_bytes_reference_is_uploaded_as_the_documented_form_then_referenced_by_its_url()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "edit this",
            InputImages = [ImageInput.FromBytes(Png.Tiny, "image/png")],
        }, Ct);

        var upload = Assert.Single(Uploads);
        var form = MultipartForm.Parse(upload);
        Assert.Equal("image", form.Text("kind"));
        Assert.Equal("reference", form.Text("purpose"));
        var file = form.Part("file");
        Assert.Equal("reference-1.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(Png.Tiny, file.Content);
        Assert.Equal(
            """{"model":"nano-banana-pro","input":{"prompt":"edit this","reference_image_urls":["https://files.example.com/uploads/file_example/reference.png"]}}""",
            Assert.Single(Submits).BodyText);
        Assert.True(upload.At <= Assert.Single(Submits).At);
    }

    [Fact]
    public async Task A_file_reference_is_uploaded_with_its_name_and_type_from_the_extension()
    {
        var path = Path.Combine(Path.GetTempPath(), "nanobanana-tests", Guid.NewGuid().ToString("N"), "kitchen.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Encoding.ASCII.GetBytes(new string('j', 5000));
        await File.WriteAllBytesAsync(path, bytes, Ct);
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        try
        {
            await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "edit this", InputImages = [ImageInput.FromFile(path)] }, Ct);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        var upload = Assert.Single(Uploads);
        var file = MultipartForm.Parse(upload).Part("file");
        Assert.Equal("kitchen.jpg", file.FileName);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal(bytes, file.Content);
    }

    [Fact]
    public async Task References_keep_their_order_when_urls_and_uploads_mix()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "combine",
            InputImages = [ImageInput.FromUri("https://example.com/a.png"), ImageInput.FromBytes(Png.Tiny, "image/png"), ImageInput.FromUri("https://example.com/c.png")],
        }, Ct);

        Assert.Contains(
            "\"reference_image_urls\":[\"https://example.com/a.png\",\"https://files.example.com/uploads/file_example/reference.png\",\"https://example.com/c.png\"]",
            Assert.Single(Submits).BodyText,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_from_a_stream_sends_the_rest_of_the_stream_and_leaves_it_open()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);
        using var stream = new MemoryStream([9, 9, .. Png.Tiny]);
        stream.Position = 2;

        var file = await client.UploadFileAsync(stream, "reference.png", "image/png", Ct);

        Assert.Equal(DreamToJobsWireFixtures.UploadedUrl, file.Url);
        Assert.Equal(Png.Tiny, MultipartForm.Parse(Assert.Single(Uploads)).Part("file").Content);
        Assert.True(stream.CanRead, "the caller's stream was disposed");
    }
}
