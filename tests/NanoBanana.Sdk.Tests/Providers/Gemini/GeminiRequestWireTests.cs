using System.Text.Json;
using NanoBanana.Sdk.Providers.Gemini;
using static NanoBanana.Sdk.Tests.Providers.Gemini.GeminiWireFixtures;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>Golden wire tests: what the client sends, against the examples of protocols/gemini-official.md and gateway-gemini-jobs.md.</summary>
public sealed class GeminiRequestWireTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly StubHandler _stub;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nanobanana-gemini-tests", Guid.NewGuid().ToString("N"));

    public GeminiRequestWireTests()
    {
        _stub = new StubHandler(_time).OnGenerate(Reply.Json(SyncResponse())).OnStream(Reply.Sse(Reply.Events(SyncResponse().ReplaceLineEndings(" "))));
        Directory.CreateDirectory(_directory);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<StubRequest> SendAsync(ImageGenerationRequest request, Action<GeminiImageClientOptions>? configure = null)
    {
        using var client = GeminiTestClients.Direct(_stub, _time, configure);
        await client.GenerateAsync(request, Ct);
        return Assert.Single(_stub.Requests);
    }

    private static JsonElement Body(StubRequest request)
    {
        using var document = JsonDocument.Parse(request.Body);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task The_protocol_example_request_is_sent_byte_for_byte()
    {
        var image = RandomBytes(3000);
        var base64 = Convert.ToBase64String(image);
        Assert.Contains('+', base64);
        Assert.Contains('/', base64);

        var request = await SendAsync(new ImageGenerationRequest
        {
            Prompt = "Put this mug on a marble kitchen counter, morning light",
            Model = NanoBananaModel.NanoBananaPro,
            InputImages = [ImageInput.FromBytes(image, "image/png")],
            AspectRatio = AspectRatio.Landscape16x9,
            Resolution = ImageResolution.TwoK,
        });

        Assert.Equal(
            "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Put this mug on a marble kitchen counter, morning light\"},"
            + "{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + base64 + "\"}}]}],"
            + "\"generationConfig\":{\"responseModalities\":[\"TEXT\",\"IMAGE\"],\"imageConfig\":{\"aspectRatio\":\"16:9\",\"imageSize\":\"2K\"}}}",
            request.BodyText);
    }

    [Fact]
    public async Task Generate_posts_to_the_models_generate_content_path_with_the_google_key_header()
    {
        var request = await SendAsync(GeminiTestClients.Request());

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1beta/models/gemini-2.5-flash-image:generateContent", request.Uri.AbsolutePath);
        Assert.Equal(GeminiTestClients.ApiKey, request.Headers["x-goog-api-key"]);
        Assert.Null(request.Authorization);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bearer_scheme_sends_an_authorization_header_and_no_google_key_header()
    {
        var request = await SendAsync(GeminiTestClients.Request(), o => o.AuthScheme = GeminiAuthScheme.Bearer);

        Assert.Equal("Bearer " + GeminiTestClients.ApiKey, request.Authorization);
        Assert.False(request.Headers.ContainsKey("x-goog-api-key"));
    }

    [Fact]
    public async Task A_base_address_with_a_path_and_another_api_version_are_honoured()
    {
        var request = await SendAsync(
            new ImageGenerationRequest { Prompt = "p", Model = new NanoBananaModel("models/nano-banana-pro") },
            o =>
            {
                o.BaseAddress = new Uri("https://127.0.0.1:7443/gateway");
                o.ApiVersion = "v1";
            });

        Assert.Equal("/gateway/v1/models/nano-banana-pro:generateContent", request.Uri.AbsolutePath);
    }

    [Fact]
    public async Task Streaming_posts_to_stream_generate_content_with_alt_sse()
    {
        using var client = GeminiTestClients.Direct(_stub, _time);

        await client.GenerateStreamingAsync(GeminiTestClients.Request(), Ct).ToListAsync();

        var request = Assert.Single(_stub.Requests);
        Assert.Equal("/v1beta/models/gemini-2.5-flash-image:streamGenerateContent", request.Uri.AbsolutePath);
        Assert.Equal("?alt=sse", request.Uri.Query);
    }

    [Fact]
    public async Task A_url_reference_is_sent_as_file_data_with_its_media_type_as_the_gateway_example_shows()
    {
        var request = await SendAsync(new ImageGenerationRequest
        {
            Prompt = "Remove the mottled marks on the top edge of the keyboard; keep everything else unchanged",
            Model = new NanoBananaModel("nano-banana-pro"),
            InputImages = [ImageInput.FromUri("https://example.com/reference.png")],
            Resolution = ImageResolution.OneK,
        });

        Assert.Equal(
            "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Remove the mottled marks on the top edge of the keyboard; keep everything else unchanged\"},"
            + "{\"fileData\":{\"mimeType\":\"image/png\",\"fileUri\":\"https://example.com/reference.png\"}}]}],"
            + "\"generationConfig\":{\"responseModalities\":[\"TEXT\",\"IMAGE\"],\"imageConfig\":{\"imageSize\":\"1K\"}}}",
            request.BodyText);
    }

    [Fact]
    public async Task A_file_reference_is_encoded_from_the_file_across_many_segments()
    {
        var image = RandomBytes((3 * 48 * 1024) + 7, seed: 11);
        var path = Path.Combine(_directory, "reference.jpg");
        await File.WriteAllBytesAsync(path, image, Ct);

        var request = await SendAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(path)] });

        var inline = Body(request).GetProperty("contents")[0].GetProperty("parts")[1].GetProperty("inlineData");
        Assert.Equal("image/jpeg", inline.GetProperty("mimeType").GetString());
        Assert.Equal(Convert.ToBase64String(image), inline.GetProperty("data").GetString());
    }

    [Fact]
    public async Task A_file_of_exactly_whole_segments_ends_its_base64_correctly()
    {
        var image = RandomBytes(2 * 48 * 1024, seed: 12);
        var path = Path.Combine(_directory, "reference.png");
        await File.WriteAllBytesAsync(path, image, Ct);

        var request = await SendAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(path)] });

        Assert.Equal(Convert.ToBase64String(image), Body(request).GetProperty("contents")[0].GetProperty("parts")[1].GetProperty("inlineData").GetProperty("data").GetString());
    }

    [Fact]
    public async Task A_retried_submit_resends_the_whole_body()
    {
        var image = RandomBytes(100_000, seed: 13);
        var stub = new StubHandler(_time).OnGenerate(Reply.Status(System.Net.HttpStatusCode.ServiceUnavailable), Reply.Json(SyncResponse()));
        using var client = GeminiTestClients.Resilient(stub, _time);

        await _time.RunAsync(client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromBytes(image, "image/webp")] }, Ct));

        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(stub.Requests[0].Body, stub.Requests[1].Body);
        Assert.Contains(Convert.ToBase64String(image), stub.Requests[1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_aspect_ratio_and_the_one_size_of_flash_2_5_send_no_image_config()
    {
        var request = await SendAsync(new ImageGenerationRequest { Prompt = "p", AspectRatio = AspectRatio.Auto, Resolution = ImageResolution.OneK });

        Assert.False(Body(request).GetProperty("generationConfig").TryGetProperty("imageConfig", out _));
    }

    [Fact]
    public async Task A_lowercase_resolution_is_sent_with_the_uppercase_k_google_requires()
    {
        var request = await SendAsync(new ImageGenerationRequest { Prompt = "p", Model = NanoBananaModel.NanoBanana2, Resolution = new ImageResolution("4k") });

        Assert.Equal("4K", Body(request).GetProperty("generationConfig").GetProperty("imageConfig").GetProperty("imageSize").GetString());
    }

    [Fact]
    public async Task The_512_tier_is_sent_as_512_for_gemini_3_1_flash_image()
    {
        var request = await SendAsync(new ImageGenerationRequest
        {
            Prompt = "p",
            Model = NanoBananaModel.NanoBanana2,
            Resolution = ImageResolution.HalfK,
            AspectRatio = AspectRatio.Landscape8x1,
        });

        var config = Body(request).GetProperty("generationConfig").GetProperty("imageConfig");
        Assert.Equal("512", config.GetProperty("imageSize").GetString());
        Assert.Equal("8:1", config.GetProperty("aspectRatio").GetString());
    }

    [Theory]
    [InlineData("gemini-2.5-flash-image", "1:8", null)]
    [InlineData("gemini-3-pro-image-preview", "4:1", null)]
    [InlineData("gemini-2.5-flash-image", null, "2K")]
    [InlineData("gemini-3-pro-image-preview", null, "512")]
    public async Task A_ratio_or_size_a_known_model_lacks_is_not_supported_and_nothing_is_sent(string model, string? ratio, string? size)
    {
        using var client = GeminiTestClients.Direct(_stub, _time);
        var request = new ImageGenerationRequest
        {
            Prompt = "p",
            Model = new NanoBananaModel(model),
            AspectRatio = ratio is null ? default(AspectRatio?) : new AspectRatio(ratio),
            Resolution = size is null ? default(ImageResolution?) : new ImageResolution(size),
        };

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateAsync(request, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task An_unknown_model_id_passes_every_documented_ratio_and_size_through()
    {
        var request = await SendAsync(new ImageGenerationRequest
        {
            Prompt = "p",
            Model = new NanoBananaModel("gemini-nano-banana-2.1"),
            AspectRatio = AspectRatio.Portrait1x8,
            Resolution = ImageResolution.FourK,
        });

        Assert.Equal("/v1beta/models/gemini-nano-banana-2.1:generateContent", request.Uri.AbsolutePath);
        Assert.Equal("1:8", Body(request).GetProperty("generationConfig").GetProperty("imageConfig").GetProperty("aspectRatio").GetString());
    }

    [Fact]
    public async Task Additional_properties_are_written_at_the_top_level()
    {
        using var tools = JsonDocument.Parse("""[{"googleSearch":{}}]""");
        var request = await SendAsync(new ImageGenerationRequest
        {
            Prompt = "p",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["tools"] = tools.RootElement.Clone() },
        });

        Assert.Equal("""[{"googleSearch":{}}]""", Body(request).GetProperty("tools").GetRawText());
    }

    [Theory]
    [InlineData("contents")]
    [InlineData("generationConfig")]
    public async Task Additional_properties_may_not_replace_the_fields_the_sdk_writes(string field)
    {
        using var client = GeminiTestClients.Direct(_stub, _time);
        using var value = JsonDocument.Parse("{}");
        var request = new ImageGenerationRequest { Prompt = "p", AdditionalProperties = new Dictionary<string, JsonElement> { [field] = value.RootElement.Clone() } };

        await Assert.ThrowsAsync<ArgumentException>(() => client.GenerateAsync(request, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_url_reference_without_a_known_media_type_is_an_argument_exception_before_sending()
    {
        using var client = GeminiTestClients.Direct(_stub, _time);
        var request = new ImageGenerationRequest { Prompt = "p", InputImages = [ImageInput.FromUri("https://example.com/image?id=4")] };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.GenerateAsync(request, Ct));

        Assert.Contains("media type", e.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_reference_type_gemini_does_not_take_is_not_supported_before_sending()
    {
        using var client = GeminiTestClients.Direct(_stub, _time);
        var request = new ImageGenerationRequest { Prompt = "p", InputImages = [ImageInput.FromBytes(new byte[] { 1, 2, 3 }, "image/gif")] };

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateAsync(request, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task More_than_fourteen_references_are_not_supported_before_sending()
    {
        using var client = GeminiTestClients.Direct(_stub, _time);
        var request = new ImageGenerationRequest
        {
            Prompt = "p",
            InputImages = [.. Enumerable.Range(0, 15).Select(_ => ImageInput.FromBytes(TinyPng, "image/png"))],
        };

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateAsync(request, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task The_typed_request_writes_system_instruction_safety_settings_thoughts_and_extra_config()
    {
        using var client = GeminiTestClients.Direct(_stub, _time);
        using var thinking = JsonDocument.Parse("""{"thinkingLevel":"HIGH"}""");

        await client.GenerateContentAsync("gemini-3-pro-image-preview", new GeminiGenerateContentRequest
        {
            Contents =
            [
                new GeminiContent { Role = "user", Parts = [new GeminiPart { Text = "a fox" }] },
                new GeminiContent { Role = "model", Parts = [new GeminiPart { Text = "ok", Thought = true, ThoughtSignature = "EtIB" }] },
            ],
            SystemInstruction = new GeminiContent { Parts = [new GeminiPart { Text = "be brief" }] },
            GenerationConfig = new GeminiGenerationConfig
            {
                ResponseModalities = ["IMAGE"],
                Seed = 42,
                AdditionalProperties = new Dictionary<string, JsonElement> { ["thinkingConfig"] = thinking.RootElement.Clone() },
            },
            SafetySettings = [new GeminiSafetySetting { Category = "HARM_CATEGORY_HARASSMENT", Threshold = "BLOCK_ONLY_HIGH" }],
        }, Ct);

        Assert.Equal(
            "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"a fox\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"ok\",\"thought\":true,\"thoughtSignature\":\"EtIB\"}]}],"
            + "\"systemInstruction\":{\"parts\":[{\"text\":\"be brief\"}]},"
            + "\"generationConfig\":{\"responseModalities\":[\"IMAGE\"],\"seed\":42,\"thinkingConfig\":{\"thinkingLevel\":\"HIGH\"}},"
            + "\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_ONLY_HIGH\"}]}",
            Assert.Single(_stub.Requests).BodyText);
    }
}
