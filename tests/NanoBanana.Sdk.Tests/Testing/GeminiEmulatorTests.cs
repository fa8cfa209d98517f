using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NanoBanana.Sdk.Testing;

// Not "...Tests.Testing": that namespace would shadow NanoBanana.Sdk.Testing for "Testing.X" references in the other test namespaces.
namespace NanoBanana.Sdk.Tests.EmulatorTests;

/// <summary>
/// The emulator's Gemini module on the wire, with a plain <see cref="HttpClient"/>: every shape, status and header is
/// checked against protocols/gemini-official.md, so the module is proven before any SDK client talks to it.
/// </summary>
public sealed class GeminiEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string Flash = "gemini-2.5-flash-image";
    private const string Pro = "gemini-3-pro-image-preview";
    private const string Flash31 = "gemini-3.1-flash-image-preview";

    // A 1×1 PNG, the gateway protocol file's own example image.
    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8Xw8AAoMBgAqJvhoAAAAASUVORK5CYII=";

    private readonly NanoBananaEmulator _emulator = fixture.Fresh();
    private readonly HttpClient _http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    // ---- auth ----

    [Fact]
    public async Task The_key_in_x_goog_api_key_is_accepted()
    {
        using var response = await SendAsync(HttpMethod.Get, "v1beta/models", auth: Auth.GoogleHeader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_key_in_the_key_query_parameter_is_accepted()
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1beta/models?key={_emulator.ApiKey}", auth: Auth.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_key_as_a_bearer_token_is_accepted_like_a_gateway()
    {
        using var response = await SendAsync(HttpMethod.Get, "v1beta/models", auth: Auth.Bearer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_api_key_is_400_invalid_argument_with_reason_api_key_invalid()
    {
        using var request = Request(HttpMethod.Post, $"v1beta/models/{Flash}:generateContent", Auth.None, PromptBody("a fox"));
        request.Headers.Add("x-goog-api-key", "wrong-key");
        using var response = await _http.SendAsync(request, Ct);

        var error = await ErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Equal("API key not valid. Please pass a valid API key.", error.GetProperty("message").GetString());
        var detail = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", detail.GetProperty("@type").GetString());
        Assert.Equal("API_KEY_INVALID", detail.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_401_unauthenticated()
    {
        using var request = Request(HttpMethod.Post, $"v1beta/models/{Flash}:generateContent", Auth.None, PromptBody("a fox"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key");
        using var response = await _http.SendAsync(request, Ct);

        await ErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_request_without_a_key_is_403_permission_denied()
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{Flash}:generateContent", PromptBody("a fox"), Auth.None);

        await ErrorAsync(response, HttpStatusCode.Forbidden, "PERMISSION_DENIED");
    }

    // ---- models ----

    [Fact]
    public async Task The_model_list_names_the_three_nano_banana_models_with_generate_content()
    {
        using var document = await JsonAsync(HttpMethod.Get, "v1beta/models");

        var models = document.RootElement.GetProperty("models").EnumerateArray().ToList();
        var names = models.Select(model => model.GetProperty("name").GetString()).ToList();
        Assert.Contains($"models/{Flash}", names);
        Assert.Contains($"models/{Pro}", names);
        Assert.Contains($"models/{Flash31}", names);
        Assert.All(models, model =>
        {
            Assert.False(string.IsNullOrEmpty(model.GetProperty("displayName").GetString()));
            Assert.Contains("generateContent", model.GetProperty("supportedGenerationMethods").EnumerateArray().Select(m => m.GetString()));
        });
        Assert.False(document.RootElement.TryGetProperty("nextPageToken", out _));
    }

    [Fact]
    public async Task The_model_list_pages_through_next_page_token()
    {
        using var first = await JsonAsync(HttpMethod.Get, "v1beta/models?pageSize=2");
        var token = first.RootElement.GetProperty("nextPageToken").GetString();
        using var second = await JsonAsync(HttpMethod.Get, $"v1beta/models?pageSize=2&pageToken={token}");
        using var all = await JsonAsync(HttpMethod.Get, "v1beta/models");

        var paged = first.RootElement.GetProperty("models").EnumerateArray().Concat(second.RootElement.GetProperty("models").EnumerateArray())
            .Select(model => model.GetProperty("name").GetString());
        var expected = all.RootElement.GetProperty("models").EnumerateArray().Take(4).Select(model => model.GetProperty("name").GetString());
        Assert.Equal(expected, paged);
    }

    [Fact]
    public async Task Get_model_returns_the_model_resource()
    {
        using var document = await JsonAsync(HttpMethod.Get, $"v1beta/models/{Pro}");

        Assert.Equal($"models/{Pro}", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("Nano Banana Pro", document.RootElement.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Generating_with_an_unknown_model_is_404_not_found()
    {
        using var response = await SendAsync(HttpMethod.Post, "v1beta/models/gemini-9-ultra-image:generateContent", PromptBody("a fox"));

        var error = await ErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Contains("models/gemini-9-ultra-image is not found", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_other_than_generate_content_is_404()
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{Flash}:countTokens", PromptBody("a fox"));

        await ErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    // ---- generateContent ----

    [Theory]
    [InlineData(Flash, "16:9", null, 1024, 576)]
    [InlineData(Flash, null, null, 1024, 1024)]
    [InlineData(Pro, "2:3", "2K", 1365, 2048)]
    [InlineData(Flash31, "8:1", "512", 512, 64)]
    [InlineData(Flash31, "1:4", "1K", 256, 1024)]
    [InlineData(Flash31, "1:8", "4K", 512, 4096)]
    public async Task Generate_content_returns_a_png_of_the_requested_ratio_and_size(string model, string? ratio, string? size, int width, int height)
    {
        using var document = await GenerateAsync(model, PromptBody("a red fox in snow", ratio, size));

        var image = LastImage(document);
        Assert.Equal((width, height), Png.ReadSize(image));
    }

    [Fact]
    public async Task The_answer_is_a_text_part_then_an_inline_png_with_stop_and_its_ids()
    {
        using var document = await GenerateAsync(Flash, PromptBody("a red fox in snow"));

        var root = document.RootElement;
        var candidate = Assert.Single(root.GetProperty("candidates").EnumerateArray());
        Assert.Equal("model", candidate.GetProperty("content").GetProperty("role").GetString());
        var parts = candidate.GetProperty("content").GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(2, parts.Count);
        Assert.Equal("Here is your image.", parts[0].GetProperty("text").GetString());
        var inlineData = parts[1].GetProperty("inlineData");
        Assert.Equal("image/png", inlineData.GetProperty("mimeType").GetString());
        Assert.True(Png.HasSignature(inlineData.GetProperty("data").GetBytesFromBase64()));
        Assert.Equal("STOP", candidate.GetProperty("finishReason").GetString());
        Assert.Equal(0, candidate.GetProperty("index").GetInt32());
        Assert.Equal(Flash, root.GetProperty("modelVersion").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("responseId").GetString()));
    }

    [Fact]
    public async Task Usage_metadata_counts_prompt_text_and_the_result_image()
    {
        using var document = await GenerateAsync(Flash, PromptBody("a red fox in snow"));

        var usage = document.RootElement.GetProperty("usageMetadata");
        Assert.Equal(5, usage.GetProperty("promptTokenCount").GetInt32()); // 17 characters
        Assert.Equal(1290 + 5, usage.GetProperty("candidatesTokenCount").GetInt32()); // the image and "Here is your image."
        Assert.Equal(5 + 1295, usage.GetProperty("totalTokenCount").GetInt32());
        var imageDetail = usage.GetProperty("candidatesTokensDetails").EnumerateArray().Single(d => d.GetProperty("modality").GetString() == "IMAGE");
        Assert.Equal(1290, imageDetail.GetProperty("tokenCount").GetInt32());
    }

    [Fact]
    public async Task The_base64_of_the_image_is_written_unescaped()
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{Flash}:generateContent", PromptBody("a red fox in snow"));
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("\\u002B", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\/", body, StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Image_only_modality_answers_without_a_text_part()
    {
        var body = """{"contents":[{"parts":[{"text":"a fox"}]}],"generationConfig":{"responseModalities":["IMAGE"]}}""";

        using var document = await GenerateAsync(Flash, body);

        var part = Assert.Single(Parts(document));
        Assert.True(part.TryGetProperty("inlineData", out _));
    }

    [Fact]
    public async Task Snake_case_request_fields_are_accepted_as_proto3_json()
    {
        var body = $$$"""
            {"contents":[{"role":"user","parts":[{"text":"edit"},{"inline_data":{"mime_type":"image/png","data":"{{{TinyPng}}}"}}]}],
             "generation_config":{"response_modalities":["TEXT","IMAGE"],"image_config":{"aspect_ratio":"3:2"} } }
            """;

        using var document = await GenerateAsync(Flash, body);

        Assert.Equal((1024, 683), Png.ReadSize(LastImage(document)));
    }

    [Fact]
    public async Task The_same_prompt_paints_the_same_picture()
    {
        using var first = await GenerateAsync(Flash, PromptBody("a lighthouse at dusk"));
        using var second = await GenerateAsync(Flash, PromptBody("a lighthouse at dusk"));
        using var other = await GenerateAsync(Flash, PromptBody("a cat on a sofa"));

        Assert.Equal(LastImage(first), LastImage(second));
        Assert.NotEqual(LastImage(first), LastImage(other));
        Assert.NotEqual(first.RootElement.GetProperty("responseId").GetString(), second.RootElement.GetProperty("responseId").GetString());
    }

    [Fact]
    public async Task Flash_3_1_at_2k_answers_a_1k_draft_then_the_2k_image()
    {
        using var document = await GenerateAsync(Flash31, PromptBody("a fox", "16:9", "2K"));

        var images = Parts(document).Where(part => part.TryGetProperty("inlineData", out _))
            .Select(part => Png.ReadSize(part.GetProperty("inlineData").GetProperty("data").GetBytesFromBase64())).ToList();
        Assert.Equal(new[] { (1024, 576), (2048, 1152) }, images);
        Assert.DoesNotContain(Parts(document), part => part.TryGetProperty("thought", out _));
    }

    [Fact]
    public async Task Gemini_3_models_sign_every_part_with_a_thought_signature()
    {
        using var document = await GenerateAsync(Pro, PromptBody("a fox"));

        Assert.All(Parts(document), part => Convert.FromBase64String(part.GetProperty("thoughtSignature").GetString()!));
    }

    [Fact]
    public async Task Gemini_2_5_flash_parts_carry_no_thought_signature()
    {
        using var document = await GenerateAsync(Flash, PromptBody("a fox"));

        Assert.All(Parts(document), part => Assert.False(part.TryGetProperty("thoughtSignature", out _)));
    }

    [Fact]
    public async Task Include_thoughts_on_pro_sends_a_thought_text_and_a_thought_draft_before_the_answer()
    {
        var body = """{"contents":[{"parts":[{"text":"a fox"}]}],"generationConfig":{"thinkingConfig":{"includeThoughts":true,"thinkingLevel":"high"}}}""";

        using var document = await GenerateAsync(Pro, body);

        var parts = Parts(document);
        Assert.Equal(new[] { true, true, false, false }, parts.Select(part => part.TryGetProperty("thought", out var t) && t.GetBoolean()));
        Assert.True(parts[1].TryGetProperty("inlineData", out _));
        Assert.True(document.RootElement.GetProperty("usageMetadata").GetProperty("thoughtsTokenCount").GetInt32() > 0);
    }

    // ---- request validation ----

    [Theory]
    [InlineData(Flash, "1:1", "1K", "imageSize is not supported by models/gemini-2.5-flash-image")]
    [InlineData(Flash, "8:1", null, "Unsupported aspect ratio \"8:1\"")]
    [InlineData(Pro, "1:4", null, "Unsupported aspect ratio \"1:4\"")]
    [InlineData(Pro, "1:1", "512", "Unsupported image size \"512\"")]
    [InlineData(Flash31, "1:1", "1k", "Unsupported image size \"1k\"")]
    [InlineData(Flash31, "1:1", "0.5K", "Unsupported image size \"0.5K\"")]
    [InlineData(Flash31, "1:1", "512px", "Unsupported image size \"512px\"")]
    public async Task An_image_config_the_model_does_not_take_is_400_invalid_argument(string model, string ratio, string? size, string message)
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{model}:generateContent", PromptBody("a fox", ratio, size));

        var error = await ErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vertex_only_image_config_field_is_an_unknown_name()
    {
        var body = """{"contents":[{"parts":[{"text":"a fox"}]}],"generationConfig":{"imageConfig":{"outputMimeType":"image/jpeg"}}}""";

        var error = await BadRequestAsync(Pro, body);

        Assert.Equal(
            "Invalid JSON payload received. Unknown name \"outputMimeType\" at 'generation_config.image_config': Cannot find field.",
            error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Inline_data_that_is_not_base64_is_400()
    {
        var body = """{"contents":[{"parts":[{"text":"edit"},{"inlineData":{"mimeType":"image/png","data":"not base64!"}}]}]}""";

        var error = await BadRequestAsync(Flash, body);

        Assert.Equal("Invalid value at 'contents[0].parts[1].inline_data.data' (TYPE_BYTES), Base64 decoding failed.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_inline_image_of_an_unsupported_type_is_400()
    {
        var body = """{"contents":[{"parts":[{"text":"edit"},{"inlineData":{"mimeType":"image/gif","data":"R0lGODlh"}}]}]}""";

        var error = await BadRequestAsync(Flash, body);

        Assert.Equal("Unsupported MIME type: image/gif", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"contents":[]}""", "contents is not specified")]
    [InlineData("""{"generationConfig":{}}""", "contents is not specified")]
    [InlineData("""{"contents":[{"parts":[]}]}""", "contents.parts must not be empty")]
    [InlineData("""{"contents":[{"parts":[{"text":"a","fileData":{"mimeType":"image/png","fileUri":"https://example.com/a.png"}}]}]}""", "Oneof field 'data' is already set")]
    [InlineData("""{"contents":[{"parts":[{"thought":true}]}]}""", "required oneof field 'data'")]
    [InlineData("""{"contents":[{"role":"assistant","parts":[{"text":"a"}]}]}""", "Please use a valid role: user, model.")]
    [InlineData("""{"contents":[{"parts":[{"text":"a"}]}],"generationConfig":{"candidateCount":2}}""", "Multiple candidates is not enabled")]
    [InlineData("""{"contents":[{"parts":[{"text":"a"}]}],"generationConfig":{"responseModalities":["PICTURE"]}}""", "generation_config.response_modalities[0]")]
    [InlineData("""{"contents":[{"parts":[{"text":"a"}]}],"generationConfig":{"imageConfig":{"aspectRatio":5}}}""", "(TYPE_STRING), 5")]
    [InlineData("""{"contents":[{"parts":[{"text":"a"}]}],"safetySettings":[{"category":"HARM_CATEGORY_IMAGE_HATE","threshold":"BLOCK_NONE"}]}""", "safety_settings[0].category")]
    [InlineData("""{"contents":[{"parts":[{"text":"a"}]}],"prompt":"a"}""", "Unknown name \"prompt\"")]
    [InlineData("""{"contents":[{"parts":[{"text":"a"}]}""", "Invalid JSON payload received.")]
    public async Task A_malformed_request_is_400_naming_the_problem(string body, string message)
    {
        var error = await BadRequestAsync(Flash, body);

        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_14_reference_images_on_pro_is_400()
    {
        var images = string.Join(',', Enumerable.Repeat($$$"""{"inlineData":{"mimeType":"image/png","data":"{{{TinyPng}}}"}}""", 15));
        var body = $$$"""{"contents":[{"parts":[{"text":"combine"},{{{images}}}]}]}""";

        var error = await BadRequestAsync(Pro, body);

        Assert.Contains("at most 14", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // ---- scenarios ----

    [Fact]
    public async Task Block_prompts_answers_200_with_prompt_feedback_and_no_candidates()
    {
        _emulator.Scenario.BlockPrompts = true;

        using var document = await GenerateAsync(Pro, PromptBody("something forbidden"));

        var root = document.RootElement;
        Assert.Equal("SAFETY", root.GetProperty("promptFeedback").GetProperty("blockReason").GetString());
        Assert.False(root.TryGetProperty("candidates", out _));
        var usage = root.GetProperty("usageMetadata");
        Assert.Equal(usage.GetProperty("promptTokenCount").GetInt32(), usage.GetProperty("totalTokenCount").GetInt32());
    }

    [Fact]
    public async Task Content_warning_ends_the_candidate_with_image_safety_and_no_image()
    {
        _emulator.Scenario.ContentWarning = true;

        using var document = await GenerateAsync(Flash, PromptBody("a fox"));

        var candidate = Assert.Single(document.RootElement.GetProperty("candidates").EnumerateArray());
        Assert.Equal("IMAGE_SAFETY", candidate.GetProperty("finishReason").GetString());
        Assert.False(candidate.TryGetProperty("content", out _));
    }

    [Fact]
    public async Task Fail_jobs_with_ends_the_candidate_with_other_and_the_message_as_text()
    {
        _emulator.Scenario.FailJobsWith = "upstream model crashed";

        using var document = await GenerateAsync(Flash, PromptBody("a fox"));

        var candidate = Assert.Single(document.RootElement.GetProperty("candidates").EnumerateArray());
        Assert.Equal("OTHER", candidate.GetProperty("finishReason").GetString());
        var part = Assert.Single(candidate.GetProperty("content").GetProperty("parts").EnumerateArray());
        Assert.Equal("upstream model crashed", part.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_injected_429_is_resource_exhausted_with_retry_info()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(429) { PathSuffix = ":generateContent", RetryAfter = TimeSpan.FromSeconds(27) });

        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{Flash}:generateContent", PromptBody("a fox"));

        var error = await ErrorAsync(response, HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED");
        Assert.Equal(429, error.GetProperty("code").GetInt32());
        Assert.Equal("Resource has been exhausted (e.g. check quota).", error.GetProperty("message").GetString());
        var retryInfo = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.RetryInfo", retryInfo.GetProperty("@type").GetString());
        Assert.Equal("27s", retryInfo.GetProperty("retryDelay").GetString());
    }

    [Theory]
    [InlineData(400, "INVALID_ARGUMENT")]
    [InlineData(401, "UNAUTHENTICATED")]
    [InlineData(403, "PERMISSION_DENIED")]
    [InlineData(404, "NOT_FOUND")]
    [InlineData(429, "RESOURCE_EXHAUSTED")]
    [InlineData(500, "INTERNAL")]
    [InlineData(503, "UNAVAILABLE")]
    [InlineData(504, "DEADLINE_EXCEEDED")]
    public async Task An_injected_fault_carries_googles_error_envelope(int status, string statusName)
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(status));

        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{Flash}:generateContent", PromptBody("a fox"));

        var error = await ErrorAsync(response, (HttpStatusCode)status, statusName);
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.False(error.TryGetProperty("details", out _));
    }

    // ---- streamGenerateContent ----

    [Fact]
    public async Task The_stream_sends_text_then_the_image_then_a_last_chunk_with_stop_and_usage()
    {
        var (events, ended) = await StreamAsync(Flash, PromptBody("a fox", "4:3"));

        Assert.True(ended);
        Assert.Equal(3, events.Count);
        Assert.Equal("Here is your image.", SinglePart(events[0]).GetProperty("text").GetString());
        Assert.Equal((1024, 768), Png.ReadSize(SinglePart(events[1]).GetProperty("inlineData").GetProperty("data").GetBytesFromBase64()));
        var last = events[2].RootElement;
        Assert.Equal("STOP", last.GetProperty("candidates")[0].GetProperty("finishReason").GetString());
        Assert.True(last.GetProperty("usageMetadata").GetProperty("totalTokenCount").GetInt32() > 0);
        Assert.All(events.Take(2), e => Assert.False(e.RootElement.TryGetProperty("usageMetadata", out _)));
        Assert.All(events, e => Assert.Equal(Flash, e.RootElement.GetProperty("modelVersion").GetString()));
    }

    [Fact]
    public async Task Stream_events_are_data_lines_ending_in_crlf_crlf()
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{Flash}:streamGenerateContent?alt=sse", PromptBody("a fox"));
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("data: {", body, StringComparison.Ordinal);
        Assert.EndsWith("}\r\n\r\n", body, StringComparison.Ordinal);
        Assert.Equal(3, body.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_stream_of_flash_3_1_at_4k_sends_each_image_in_its_own_chunk()
    {
        var (events, _) = await StreamAsync(Flash31, PromptBody("a fox", "8:1", "4K"));

        var sizes = events.Where(e => e.RootElement.GetProperty("candidates")[0].TryGetProperty("content", out var c)
                && c.GetProperty("parts")[0].TryGetProperty("inlineData", out _))
            .Select(e => Png.ReadSize(SinglePart(e).GetProperty("inlineData").GetProperty("data").GetBytesFromBase64()));
        Assert.Equal(new[] { (1024, 128), (4096, 512) }, sizes);
    }

    [Fact]
    public async Task The_stream_without_alt_sse_is_a_json_array_of_responses()
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{Flash}:streamGenerateContent", PromptBody("a fox"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(Ct));

        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.Equal(3, document.RootElement.GetArrayLength());
        Assert.Equal("STOP", document.RootElement[2].GetProperty("candidates")[0].GetProperty("finishReason").GetString());
    }

    [Fact]
    public async Task A_blocked_prompt_streams_one_chunk_with_prompt_feedback()
    {
        _emulator.Scenario.BlockPrompts = true;

        var (events, ended) = await StreamAsync(Pro, PromptBody("something forbidden"));

        Assert.True(ended);
        var only = Assert.Single(events);
        Assert.Equal("SAFETY", only.RootElement.GetProperty("promptFeedback").GetProperty("blockReason").GetString());
    }

    [Fact]
    public async Task A_dropped_stream_ends_after_the_given_chunks_without_the_last_one()
    {
        _emulator.Scenario.DropStreamAfterEvents = 1;

        var (events, ended) = await StreamAsync(Flash, PromptBody("a fox"));

        Assert.False(ended);
        var only = Assert.Single(events);
        Assert.Equal("Here is your image.", SinglePart(only).GetProperty("text").GetString());
    }

    // ---- Files API ----

    [Fact]
    public async Task A_resumable_upload_returns_an_active_file_whose_uri_reads_it_back()
    {
        var bytes = Convert.FromBase64String(TinyPng);

        using var file = await UploadAsync(bytes, "image/png", "ref-1");

        var resource = file.RootElement.GetProperty("file");
        var name = resource.GetProperty("name").GetString()!;
        Assert.StartsWith("files/", name, StringComparison.Ordinal);
        Assert.Equal("ref-1", resource.GetProperty("displayName").GetString());
        Assert.Equal("image/png", resource.GetProperty("mimeType").GetString());
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), resource.GetProperty("sizeBytes").GetString());
        Assert.Equal("ACTIVE", resource.GetProperty("state").GetString());
        var uri = resource.GetProperty("uri").GetString()!;
        Assert.Equal(new Uri(_emulator.GeminiBaseAddress, "v1beta/" + name).AbsoluteUri, uri);
        var hex = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal(hex, Encoding.ASCII.GetString(Convert.FromBase64String(resource.GetProperty("sha256Hash").GetString()!)));

        using var metadata = await JsonAsync(HttpMethod.Get, uri);
        Assert.Equal(name, metadata.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_upload_start_answers_the_upload_url_in_a_header()
    {
        using var start = Request(HttpMethod.Post, "upload/v1beta/files", Auth.GoogleHeader, """{"file":{"displayName":"ref-1"}}""");
        AddStartHeaders(start, 3, "image/png");
        using var response = await _http.SendAsync(start, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("active", Header(response, "X-Goog-Upload-Status"));
        var uploadUrl = new Uri(Header(response, "X-Goog-Upload-URL"));
        Assert.StartsWith(new Uri(_emulator.GeminiBaseAddress, "upload/v1beta/files?upload_id=").AbsoluteUri, uploadUrl.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_in_chunks_at_increasing_offsets_then_finalize_keeps_every_byte()
    {
        var uploadUrl = await StartUploadAsync(6, "image/jpeg");

        using (var first = await UploadChunkAsync(uploadUrl, "upload", 0, [1, 2, 3]))
        {
            Assert.Equal("active", Header(first, "X-Goog-Upload-Status"));
        }

        using var last = await UploadChunkAsync(uploadUrl, "upload, finalize", 3, [4, 5, 6]);
        Assert.Equal("final", Header(last, "X-Goog-Upload-Status"));
        using var document = JsonDocument.Parse(await last.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("6", document.RootElement.GetProperty("file").GetProperty("sizeBytes").GetString());
    }

    [Fact]
    public async Task An_upload_chunk_at_the_wrong_offset_is_400()
    {
        var uploadUrl = await StartUploadAsync(6, "image/jpeg");

        using var response = await UploadChunkAsync(uploadUrl, "upload", 2, [1, 2, 3]);

        await ErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
    }

    [Fact]
    public async Task An_upload_start_without_a_key_is_refused()
    {
        using var start = Request(HttpMethod.Post, "upload/v1beta/files", Auth.None, "{}");
        AddStartHeaders(start, 3, "image/png");
        using var response = await _http.SendAsync(start, Ct);

        await ErrorAsync(response, HttpStatusCode.Forbidden, "PERMISSION_DENIED");
    }

    [Fact]
    public async Task Generate_content_accepts_the_uri_of_an_uploaded_file()
    {
        using var file = await UploadAsync(Convert.FromBase64String(TinyPng), "image/png", null);
        var uri = file.RootElement.GetProperty("file").GetProperty("uri").GetString();
        var body = $$$"""{"contents":[{"parts":[{"text":"edit"},{"fileData":{"mimeType":"image/png","fileUri":"{{{uri}}}"}}]}]}""";

        using var document = await GenerateAsync(Flash, body);

        Assert.True(Png.HasSignature(LastImage(document)));
    }

    [Fact]
    public async Task Generate_content_accepts_a_public_https_image_url()
    {
        var body = """{"contents":[{"parts":[{"text":"edit"},{"fileData":{"mimeType":"image/png","fileUri":"https://example.com/reference.png"}}]}]}""";

        using var document = await GenerateAsync(Flash, body);

        Assert.True(Png.HasSignature(LastImage(document)));
        Assert.Contains("https://example.com/reference.png", Assert.Single(_emulator.RequestsTo(":generateContent")).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_content_with_an_unknown_files_uri_is_400()
    {
        var uri = new Uri(_emulator.GeminiBaseAddress, "v1beta/files/doesnotexist").AbsoluteUri;
        var body = $$$"""{"contents":[{"parts":[{"text":"edit"},{"fileData":{"mimeType":"image/png","fileUri":"{{{uri}}}"}}]}]}""";

        var error = await BadRequestAsync(Flash, body);

        Assert.Contains("files/doesnotexist", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_file_is_404_not_found()
    {
        using var file = await UploadAsync(Convert.FromBase64String(TinyPng), "image/png", null);
        var uri = file.RootElement.GetProperty("file").GetProperty("uri").GetString()!;

        using (var deleted = await SendAsync(HttpMethod.Delete, uri))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
            Assert.Equal("{}", await deleted.Content.ReadAsStringAsync(Ct));
        }

        using var response = await SendAsync(HttpMethod.Get, uri);
        await ErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    // ---- helpers ----

    private enum Auth
    {
        None,
        GoogleHeader,
        Bearer,
    }

    private static string PromptBody(string prompt, string? aspectRatio = null, string? imageSize = null)
    {
        var imageConfig = new List<string>();
        if (aspectRatio is not null)
        {
            imageConfig.Add($"\"aspectRatio\":\"{aspectRatio}\"");
        }

        if (imageSize is not null)
        {
            imageConfig.Add($"\"imageSize\":\"{imageSize}\"");
        }

        var config = "{" + string.Join(',', imageConfig) + "}";
        return $$$"""
            {"contents":[{"role":"user","parts":[{"text":"{{{prompt}}}"}]}],
             "generationConfig":{"responseModalities":["TEXT","IMAGE"],"imageConfig":{{{config}}}}}
            """;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, Auth auth, string? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(_emulator.GeminiBaseAddress, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (auth == Auth.GoogleHeader)
        {
            request.Headers.Add("x-goog-api-key", _emulator.ApiKey);
        }
        else if (auth == Auth.Bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _emulator.ApiKey);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, Auth auth = Auth.GoogleHeader)
    {
        using var request = Request(method, path, auth, json);
        return await _http.SendAsync(request, Ct);
    }

    private async Task<JsonDocument> JsonAsync(HttpMethod method, string path, string? json = null)
    {
        using var response = await SendAsync(method, path, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    private Task<JsonDocument> GenerateAsync(string model, string body) =>
        JsonAsync(HttpMethod.Post, $"v1beta/models/{model}:generateContent", body);

    private async Task<JsonElement> BadRequestAsync(string model, string body)
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1beta/models/{model}:generateContent", body);
        return await ErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
    }

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string statusName)
    {
        Assert.Equal(status, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(Ct));
        var error = document.RootElement.GetProperty("error");
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        Assert.Equal(statusName, error.GetProperty("status").GetString());
        return error.Clone();
    }

    private static List<JsonElement> Parts(JsonDocument document) =>
        [.. document.RootElement.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts").EnumerateArray()];

    private static JsonElement SinglePart(JsonDocument chunk) =>
        Assert.Single(chunk.RootElement.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts").EnumerateArray());

    private static byte[] LastImage(JsonDocument document) =>
        Parts(document).Last(part => part.TryGetProperty("inlineData", out _)).GetProperty("inlineData").GetProperty("data").GetBytesFromBase64();

    // Reads the SSE body event by event; "ended" is false when the connection broke before the body's end.
    private async Task<(List<JsonDocument> Events, bool Ended)> StreamAsync(string model, string body)
    {
        using var request = Request(HttpMethod.Post, $"v1beta/models/{model}:streamGenerateContent?alt=sse", Auth.GoogleHeader, body);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = new MemoryStream();
        var ended = true;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(Ct);
            await stream.CopyToAsync(received, Ct);
        }
        catch (IOException)
        {
            ended = false;
        }

        var events = Encoding.UTF8.GetString(received.ToArray())
            .Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => JsonDocument.Parse(e["data: ".Length..]))
            .ToList();
        return (events, ended);
    }

    private static void AddStartHeaders(HttpRequestMessage request, long length, string mimeType)
    {
        request.Headers.Add("X-Goog-Upload-Protocol", "resumable");
        request.Headers.Add("X-Goog-Upload-Command", "start");
        request.Headers.Add("X-Goog-Upload-Header-Content-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Goog-Upload-Header-Content-Type", mimeType);
    }

    private async Task<Uri> StartUploadAsync(long length, string mimeType, string? displayName = null)
    {
        var json = displayName is null ? null : $$$"""{"file":{"displayName":"{{{displayName}}}"}}""";
        using var start = Request(HttpMethod.Post, "upload/v1beta/files", Auth.GoogleHeader, json);
        AddStartHeaders(start, length, mimeType);
        using var response = await _http.SendAsync(start, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri(Header(response, "X-Goog-Upload-URL"));
    }

    private async Task<HttpResponseMessage> UploadChunkAsync(Uri uploadUrl, string command, long offset, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-Goog-Upload-Command", command);
        request.Headers.Add("X-Goog-Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await _http.SendAsync(request, Ct);
    }

    private async Task<JsonDocument> UploadAsync(byte[] bytes, string mimeType, string? displayName)
    {
        var uploadUrl = await StartUploadAsync(bytes.Length, mimeType, displayName);
        using var response = await UploadChunkAsync(uploadUrl, "upload, finalize", 0, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new InvalidOperationException($"No {name} header.");
}
