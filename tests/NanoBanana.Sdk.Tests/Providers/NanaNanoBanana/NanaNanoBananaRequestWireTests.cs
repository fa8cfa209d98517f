using System.Text.Json;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Providers.NanaNanoBanana;

/// <summary>Golden wire tests: what the client sends for each operation of protocols/nananobanana.md.</summary>
public sealed class NanaNanoBananaRequestWireTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly StubHandler _stub;

    public NanaNanoBananaRequestWireTests()
    {
        _stub = new StubHandler(_time)
            .OnSubmit(Reply.Json(WireFixtures.SyncSuccess))
            .OnPoll(Reply.Json(WireFixtures.PollCompleted))
            .On(HttpMethod.Get, "/models", Reply.Json(WireFixtures.Models))
            .On(HttpMethod.Get, "/credits", Reply.Json(WireFixtures.Credits));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static ImageGenerationRequest ProtocolExampleRequest => new()
    {
        Prompt = "Keep the subject, turn the room into a brutalist concrete gallery",
        Model = NanoBananaModel.NanoBanana2,
        InputImages = [ImageInput.FromUri("https://example.com/source.jpg")],
        AspectRatio = AspectRatio.Landscape16x9,
    };

    [Fact]
    public void The_generate_request_serializes_with_the_source_generated_context()
    {
        var json = JsonSerializer.Serialize(
            new NanaNanoBananaGenerateRequest { Prompt = "p", Mode = NanaNanoBananaModes.Async },
            NanaNanoBananaJsonContext.Default.NanaNanoBananaGenerateRequest);

        Assert.Equal("""{"prompt":"p","mode":"async"}""", json);
    }

    [Fact]
    public async Task Sync_generate_sends_prompt_model_aspect_ratio_and_mode_sync()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GenerateAsync(new ImageGenerationRequest
        {
            Prompt = "a lighthouse at dusk",
            Model = NanoBananaModel.NanoBanana2,
            AspectRatio = AspectRatio.Portrait2x3,
        }, Ct);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri(TestClients.BaseAddress, "generate"), request.Uri);
        Assert.Equal(
            """{"prompt":"a lighthouse at dusk","selectedModel":"nanobanan-2","aspectRatio":"2:3","mode":"sync"}""",
            request.BodyText);
    }

    [Fact]
    public async Task Async_submit_sends_the_protocol_example_body_exactly()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.AsyncAccepted));
        using var client = TestClients.Direct(stub, _time);

        await client.StartGenerationAsync(ProtocolExampleRequest, Ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal(
            """{"prompt":"Keep the subject, turn the room into a brutalist concrete gallery","selectedModel":"nanobanan-2","referenceImageUrls":["https://example.com/source.jpg"],"aspectRatio":"16:9","mode":"async"}""",
            request.BodyText);
    }

    [Fact]
    public async Task Stream_generate_sends_the_same_fields_with_mode_stream()
    {
        var stub = new StubHandler(_time).OnSubmit(Reply.Sse(Reply.Events(WireFixtures.StreamComplete)));
        using var client = TestClients.Direct(stub, _time);

        await client.GenerateStreamingAsync(ProtocolExampleRequest, Ct).ToListAsync();

        var request = Assert.Single(stub.Requests);
        Assert.Equal(
            """{"prompt":"Keep the subject, turn the room into a brutalist concrete gallery","selectedModel":"nanobanan-2","referenceImageUrls":["https://example.com/source.jpg"],"aspectRatio":"16:9","mode":"stream"}""",
            request.BodyText);
    }

    [Fact]
    public async Task Generate_omits_every_unset_field_instead_of_sending_null()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GenerateAsync(TestClients.Request("a cat"), Ct);

        Assert.Equal("""{"prompt":"a cat","mode":"sync"}""", Assert.Single(_stub.Requests).BodyText);
    }

    [Fact]
    public async Task Generate_sends_json_content_type()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.StartsWith("application/json", Assert.Single(_stub.Requests).Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nanobanan-2", null, "nanobanan-2")]
    [InlineData("pro", null, "nanobanan2&pro")]
    [InlineData("nanobanan-2", "2K", "nanobanan-2-2k")]
    [InlineData("nanobanan-2", "4K", "nanobanan-2-4k")]
    [InlineData("pro", "2K", "nanobanan2&pro-2k")]
    [InlineData("nanobanan-2", "1K", "nanobanan-2")]
    public async Task Neutral_model_names_and_resolution_map_to_vendor_model_ids(string model, string? resolution, string expected)
    {
        using var client = TestClients.Direct(_stub, _time);
        var neutral = model == "pro" ? NanoBananaModel.NanoBananaPro : NanoBananaModel.NanoBanana2;

        await client.GenerateAsync(new ImageGenerationRequest
        {
            Prompt = "p",
            Model = neutral,
            Resolution = resolution is null ? (ImageResolution?)null : new ImageResolution(resolution),
        }, Ct);

        using var body = JsonDocument.Parse(Assert.Single(_stub.Requests).Body);
        Assert.Equal(expected, body.RootElement.GetProperty("selectedModel").GetString());
    }

    [Fact]
    public async Task Vendor_model_ids_pass_through_unchanged()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GenerateAsync(new ImageGenerationRequest { Prompt = "p", Model = new NanoBananaModel("seedream-5.0-2k") }, Ct);

        using var body = JsonDocument.Parse(Assert.Single(_stub.Requests).Body);
        Assert.Equal("seedream-5.0-2k", body.RootElement.GetProperty("selectedModel").GetString());
    }

    [Fact]
    public async Task The_default_model_option_is_sent_when_the_request_names_no_model()
    {
        using var client = TestClients.Direct(_stub, _time, o => o.DefaultModel = "nanobanan-2");

        await client.GenerateAsync(TestClients.Request(), Ct);

        using var body = JsonDocument.Parse(Assert.Single(_stub.Requests).Body);
        Assert.Equal("nanobanan-2", body.RootElement.GetProperty("selectedModel").GetString());
    }

    [Theory]
    [InlineData("pro", "4K")]
    [InlineData(null, "2K")]
    [InlineData("nanobanan-2", "512")]
    public async Task Unsupported_resolution_is_rejected_before_anything_is_sent(string? model, string resolution)
    {
        using var client = TestClients.Direct(_stub, _time);
        var request = new ImageGenerationRequest
        {
            Prompt = "p",
            Model = model switch { null => (NanoBananaModel?)null, "pro" => NanoBananaModel.NanoBananaPro, _ => NanoBananaModel.NanoBanana2 },
            Resolution = new ImageResolution(resolution),
        };

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateAsync(request, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Generate_sends_the_bearer_key()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal("Bearer " + TestClients.ApiKey, Assert.Single(_stub.Requests).Authorization);
    }

    [Fact]
    public async Task Poll_sends_the_bearer_key()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GetGenerationRecordAsync(WireFixtures.GenerationId, Ct);

        Assert.Equal("Bearer " + TestClients.ApiKey, Assert.Single(_stub.Requests).Authorization);
    }

    [Fact]
    public async Task Credits_sends_the_bearer_key_to_get_credits()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GetCreditsAsync(Ct);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(new Uri(TestClients.BaseAddress, "credits"), request.Uri);
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Authorization);
    }

    [Fact]
    public async Task Models_is_requested_without_authorization()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GetModelsAsync(Ct);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(new Uri(TestClients.BaseAddress, "models"), request.Uri);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Poll_is_get_generate_with_the_id_as_query_parameter()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GetGenerationRecordAsync(WireFixtures.GenerationId, Ct);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(TestClients.BaseAddress.AbsolutePath + "generate", request.Uri.AbsolutePath);
        Assert.Equal("?id=" + WireFixtures.GenerationId, request.Uri.Query);
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task Poll_escapes_the_id_in_the_query_string()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.GetGenerationRecordAsync("a b&c=d/e?f", Ct);

        Assert.Equal("?id=a%20b%26c%3Dd%2Fe%3Ff", Assert.Single(_stub.Requests).Uri.Query);
    }

    [Fact]
    public async Task A_base_address_without_trailing_slash_keeps_its_path()
    {
        using var client = TestClients.Direct(_stub, _time, o => o.BaseAddress = new Uri("https://127.0.0.1:7443/api/v1"));

        await client.GetCreditsAsync(Ct);

        Assert.Equal("/api/v1/credits", Assert.Single(_stub.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Vendor_request_is_sent_as_given_including_extension_fields()
    {
        using var client = TestClients.Direct(_stub, _time);

        await client.CreateGenerationAsync(new NanaNanoBananaGenerateRequest
        {
            Prompt = "p",
            SelectedModel = "nanobanan-2-4k",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["numOutputs"] = Json("1") },
        }, Ct);

        Assert.Equal("""{"prompt":"p","selectedModel":"nanobanan-2-4k","numOutputs":1}""", Assert.Single(_stub.Requests).BodyText);
    }
}
