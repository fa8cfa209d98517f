using System.Text.Json;
using NanoBanana.Sdk.Providers.Apixo;

namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>Golden wire tests: what the client sends for each call of protocols/generatetask.md.</summary>
public sealed class ApixoRequestWireTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private StubHandler Stub(string model = ApixoModels.NanoBanana) => new StubHandler(_time)
        .On(HttpMethod.Post, "/generateTask/" + model, Reply.Json(ApixoWireFixtures.Submitted))
        .On(HttpMethod.Get, "/statusTask/" + model, Reply.Json(ApixoWireFixtures.Success));

    private async Task<JsonElement> SubmittedInput(ImageGenerationRequest request, string model = ApixoModels.NanoBanana)
    {
        var stub = Stub(model);
        using var client = ApixoTestClients.Direct(stub, _time);
        await client.StartGenerationAsync(request, Ct);
        return Json(Assert.Single(stub.Requests).BodyText).GetProperty("input");
    }

    [Fact]
    public async Task The_protocol_example_request_is_sent_byte_for_byte_by_generate_task()
    {
        var stub = Stub();
        using var client = ApixoTestClients.Direct(stub, _time);

        var taskId = await client.GenerateTaskAsync(ApixoModels.NanoBanana, new ApixoGenerateTaskRequest
        {
            RequestType = ApixoRequestTypes.Callback,
            CallbackUrl = new Uri("https://example.com/hooks/apixo"),
            RoutingStrategy = ApixoRoutingStrategies.Auto,
            Input = new ApixoTaskInput
            {
                Mode = ApixoTaskModes.ImageToImage,
                Prompt = "make this scene look like sunrise with warm golden light",
                AspectRatio = "3:2",
                ImageUrls = [new Uri("https://example.com/ref1.jpg")],
                OutputFormat = "png",
            },
        }, Ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal(ApixoWireFixtures.CallbackRequest, request.BodyText);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://127.0.0.1:7443/api/v1/generateTask/nano-banana", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + ApixoTestClients.ApiKey, request.Authorization);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(ApixoWireFixtures.TaskId, taskId);
    }

    [Fact]
    public async Task A_text_prompt_is_sent_as_an_async_text_to_image_task_with_the_documented_default_ratio()
    {
        var stub = Stub();
        using var client = ApixoTestClients.Direct(stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a red fox" }, Ct);

        Assert.Equal(
            """{"request_type":"async","input":{"mode":"text-to-image","prompt":"a red fox","aspect_ratio":"1:1"}}""",
            Assert.Single(stub.Requests).BodyText);
    }

    [Fact]
    public async Task Reference_urls_make_an_image_to_image_task_with_image_urls()
    {
        var input = await SubmittedInput(new ImageGenerationRequest
        {
            Prompt = "watercolor",
            InputImages = [ImageInput.FromUri("https://example.com/a.png"), ImageInput.FromUri("https://example.com/b.webp")],
        });

        Assert.Equal("image-to-image", input.GetProperty("mode").GetString());
        Assert.Equal(["https://example.com/a.png", "https://example.com/b.webp"], input.GetProperty("image_urls").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("gemini-2.5-flash-image", "nano-banana")]
    [InlineData("gemini-3-pro-image-preview", "nano-banana-pro")]
    [InlineData("gemini-3.1-flash-image-preview", "nano-banana-2")]
    [InlineData("nano-banana-2", "nano-banana-2")]
    public async Task The_model_goes_into_the_submit_path(string model, string pathModel)
    {
        var stub = Stub(pathModel);
        using var client = ApixoTestClients.Direct(stub, _time);

        var operation = await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", Model = new NanoBananaModel(model) }, Ct);

        Assert.EndsWith("/generateTask/" + pathModel, Assert.Single(stub.Requests).Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(pathModel + ":" + ApixoWireFixtures.TaskId, operation.Id);
    }

    [Fact]
    public async Task The_default_model_option_is_used_when_the_request_names_none()
    {
        var stub = Stub(ApixoModels.NanoBananaPro);
        using var client = ApixoTestClients.Direct(stub, _time, o => o.DefaultModel = ApixoModels.NanoBananaPro);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct);

        Assert.EndsWith("/generateTask/nano-banana-pro", Assert.Single(stub.Requests).Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolution_is_sent_upper_case_for_models_that_take_one()
    {
        var input = await SubmittedInput(
            new ImageGenerationRequest { Prompt = "p", Model = ApixoModels.NanoBanana2, Resolution = new ImageResolution("4k"), AspectRatio = AspectRatio.Portrait1x8 },
            ApixoModels.NanoBanana2);

        Assert.Equal("4K", input.GetProperty("resolution").GetString());
        Assert.Equal("1:8", input.GetProperty("aspect_ratio").GetString());
    }

    [Fact]
    public async Task Models_that_take_a_resolution_get_the_documented_1K_when_none_is_asked_for()
    {
        var input = await SubmittedInput(new ImageGenerationRequest { Prompt = "p", Model = ApixoModels.NanoBananaPro }, ApixoModels.NanoBananaPro);

        Assert.Equal("1K", input.GetProperty("resolution").GetString());
    }

    [Fact]
    public async Task Nano_banana_at_1K_sends_no_resolution_field()
    {
        var input = await SubmittedInput(new ImageGenerationRequest { Prompt = "p", Resolution = ImageResolution.OneK });

        Assert.False(input.TryGetProperty("resolution", out _));
    }

    [Theory]
    [InlineData("image/png", "png")]
    [InlineData("image/jpeg", "jpeg")]
    public async Task The_output_media_type_becomes_output_format(string mediaType, string format)
    {
        var input = await SubmittedInput(new ImageGenerationRequest { Prompt = "p", OutputMediaType = mediaType });

        Assert.Equal(format, input.GetProperty("output_format").GetString());
    }

    [Fact]
    public async Task No_output_format_is_sent_when_none_is_asked_for()
    {
        var input = await SubmittedInput(new ImageGenerationRequest { Prompt = "p" });

        Assert.False(input.TryGetProperty("output_format", out _));
    }

    [Fact]
    public async Task Additional_properties_are_written_into_input()
    {
        var input = await SubmittedInput(new ImageGenerationRequest
        {
            Prompt = "p",
            Model = ApixoModels.NanoBanana2,
            AdditionalProperties = new Dictionary<string, JsonElement> { ["google_search"] = Json("true") },
        }, ApixoModels.NanoBanana2);

        Assert.True(input.GetProperty("google_search").GetBoolean());
    }

    [Fact]
    public async Task The_routing_strategy_option_is_sent_as_provider()
    {
        var stub = Stub();
        using var client = ApixoTestClients.Direct(stub, _time, o => o.RoutingStrategy = ApixoRoutingStrategies.Official);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct);

        Assert.Equal("official", Json(Assert.Single(stub.Requests).BodyText).GetProperty("provider").GetString());
    }

    [Fact]
    public async Task A_callback_uri_becomes_a_callback_task_whose_url_carries_the_model_and_the_sdk_token()
    {
        var stub = Stub();
        using var client = ApixoTestClients.Direct(stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("https://app.example.com/hooks/apixo?tenant=7") }, Ct);

        var body = Json(Assert.Single(stub.Requests).BodyText);
        Assert.Equal("callback", body.GetProperty("request_type").GetString());
        var callback = new Uri(body.GetProperty("callback_url").GetString()!);
        Assert.Equal("https://app.example.com/hooks/apixo", callback.GetLeftPart(UriPartial.Path));
        Assert.StartsWith("?tenant=7&nb_model=nano-banana&nb_token=", callback.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(ApixoTestClients.WebhookSecret, callback.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_read_gets_status_task_for_the_model_with_the_task_id_in_the_query()
    {
        var stub = Stub();
        using var client = ApixoTestClients.Direct(stub, _time);

        await client.GetTaskStatusAsync(ApixoModels.NanoBanana, "task_a/b c", Ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/api/v1/statusTask/nano-banana", request.Uri.AbsolutePath);
        Assert.Equal("?taskId=task_a%2Fb%20c", request.Uri.Query);
        Assert.Equal("Bearer " + ApixoTestClients.ApiKey, request.Authorization);
    }

    [Fact]
    public async Task Get_generation_reads_the_model_and_task_from_the_operation_id()
    {
        var stub = Stub(ApixoModels.NanoBanana2);
        using var client = ApixoTestClients.Direct(stub, _time);

        await client.GetGenerationAsync("nano-banana-2:task_42", Ct);

        Assert.Equal("/api/v1/statusTask/nano-banana-2?taskId=task_42", Assert.Single(stub.Requests).Uri.PathAndQuery);
    }

    [Fact]
    public async Task A_base_address_without_a_trailing_slash_still_keeps_its_path()
    {
        var stub = Stub();
        using var client = ApixoTestClients.Direct(stub, _time, o => o.BaseAddress = new Uri("https://127.0.0.1:7443/api/v1"));

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct);

        Assert.Equal("/api/v1/generateTask/nano-banana", Assert.Single(stub.Requests).Uri.AbsolutePath);
    }
}
