// IImageGenerator is [Experimental("MEAI001")] in Microsoft.Extensions.AI.Abstractions; these tests exercise it on purpose.
#pragma warning disable MEAI001

using System.Text.Json;
using Microsoft.Extensions.AI;
using MeaiImageGenerationRequest = Microsoft.Extensions.AI.ImageGenerationRequest;
using SdkImageGenerationRequest = NanoBanana.Sdk.ImageGenerationRequest;

namespace NanoBanana.Sdk.Tests.ExtensionsAI;

/// <summary>How a Microsoft.Extensions.AI request and its options become the SDK request the client receives.</summary>
public sealed class ImageGeneratorRequestMappingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SdkImageGenerationRequest> SentAsync(
        MeaiImageGenerationRequest request, ImageGenerationOptions? options = null, ImageGenerationCapabilities? capabilities = null, string? defaultModelId = null)
    {
        var client = new RecordingImageGenerationClient { Capabilities = capabilities ?? RecordingImageGenerationClient.GeminiLike };
        using var generator = client.AsIImageGenerator(defaultModelId);
        await generator.GenerateAsync(request, options, Ct);
        return client.LastRequest;
    }

    [Fact]
    public async Task The_prompt_becomes_the_request_prompt()
    {
        var sent = await SentAsync(new MeaiImageGenerationRequest("a watercolor fox"));

        Assert.Equal("a watercolor fox", sent.Prompt);
        Assert.Empty(sent.InputImages);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task A_missing_prompt_is_rejected_before_the_client_is_called(string? prompt)
    {
        var client = new RecordingImageGenerationClient();
        using var generator = client.AsIImageGenerator();

        await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(new MeaiImageGenerationRequest { Prompt = prompt }, null, Ct));

        Assert.Empty(client.Calls);
    }

    [Fact]
    public async Task A_data_content_original_becomes_a_byte_reference_with_its_media_type()
    {
        var original = new DataContent(Png.Tiny, "image/png");

        var sent = await SentAsync(new MeaiImageGenerationRequest("make it night", [original]));

        var input = Assert.Single(sent.InputImages);
        Assert.Equal(ImageInputKind.Bytes, input.Kind);
        Assert.Equal("image/png", input.MediaType);
        Assert.Equal(Png.Tiny, input.Data.ToArray());
    }

    [Fact]
    public async Task A_uri_content_original_becomes_a_url_reference()
    {
        var original = new UriContent(new Uri("https://127.0.0.1/cat.webp"), "image/webp");

        var sent = await SentAsync(new MeaiImageGenerationRequest("add a hat", [original]));

        var input = Assert.Single(sent.InputImages);
        Assert.Equal(ImageInputKind.Uri, input.Kind);
        Assert.Equal(new Uri("https://127.0.0.1/cat.webp"), input.Uri);
        Assert.Equal("image/webp", input.MediaType);
    }

    [Fact]
    public async Task A_url_without_an_image_extension_is_sent_without_the_inferred_octet_stream_type()
    {
        var sent = await SentAsync(new MeaiImageGenerationRequest("add a hat", [new UriContent(new Uri("https://127.0.0.1/images/42"))]));

        Assert.Null(Assert.Single(sent.InputImages).MediaType);
    }

    [Fact]
    public async Task Originals_keep_their_order()
    {
        var sent = await SentAsync(new MeaiImageGenerationRequest(
            "combine", [new UriContent(new Uri("https://127.0.0.1/a.png"), "image/png"), new DataContent(Png.Tiny, "image/png")]));

        Assert.Equal([ImageInputKind.Uri, ImageInputKind.Bytes], sent.InputImages.Select(i => i.Kind));
    }

    [Fact]
    public async Task An_original_that_is_not_image_content_is_rejected_before_the_client_is_called()
    {
        var client = new RecordingImageGenerationClient();
        using var generator = client.AsIImageGenerator();

        var e = await Assert.ThrowsAsync<ArgumentException>(
            () => generator.GenerateAsync(new MeaiImageGenerationRequest("edit", [new TextContent("not an image")]), null, Ct));

        Assert.Contains("TextContent", e.Message, StringComparison.Ordinal);
        Assert.Empty(client.Calls);
    }

    [Fact]
    public async Task Data_content_that_is_not_an_image_is_rejected()
    {
        var client = new RecordingImageGenerationClient();
        using var generator = client.AsIImageGenerator();

        var e = await Assert.ThrowsAsync<ArgumentException>(
            () => generator.GenerateAsync(new MeaiImageGenerationRequest("edit", [new DataContent("%PDF"u8.ToArray(), "application/pdf")]), null, Ct));

        Assert.Contains("application/pdf", e.Message, StringComparison.Ordinal);
        Assert.Empty(client.Calls);
    }

    [Fact]
    public async Task Count_becomes_the_image_count()
    {
        var sent = await SentAsync(new MeaiImageGenerationRequest("a fox"), new ImageGenerationOptions { Count = 3 });

        Assert.Equal(3, sent.ImageCount);
    }

    [Fact]
    public async Task Unset_options_leave_every_choice_to_the_vendor()
    {
        var sent = await SentAsync(new MeaiImageGenerationRequest("a fox"), new ImageGenerationOptions());

        Assert.Null(sent.Model);
        Assert.Null(sent.ImageCount);
        Assert.Null(sent.AspectRatio);
        Assert.Null(sent.Resolution);
        Assert.Null(sent.OutputMediaType);
        Assert.Null(sent.AdditionalProperties);
    }

    [Fact]
    public async Task The_options_model_id_wins_over_the_default_model()
    {
        var sent = await SentAsync(
            new MeaiImageGenerationRequest("a fox"), new ImageGenerationOptions { ModelId = "gemini-3-pro-image-preview" }, defaultModelId: "gemini-2.5-flash-image");

        Assert.Equal(NanoBananaModel.NanoBananaPro, sent.Model);
    }

    [Fact]
    public async Task The_default_model_is_used_when_the_options_name_none()
    {
        var sent = await SentAsync(new MeaiImageGenerationRequest("a fox"), new ImageGenerationOptions(), defaultModelId: "gemini-3.1-flash-image-preview");

        Assert.Equal(NanoBananaModel.NanoBanana2, sent.Model);
    }

    [Fact]
    public async Task A_media_type_the_vendor_lists_is_requested()
    {
        var capabilities = RecordingImageGenerationClient.GeminiLike with { OutputMediaTypes = ["image/png", "image/jpeg"] };

        var sent = await SentAsync(new MeaiImageGenerationRequest("a fox"), new ImageGenerationOptions { MediaType = "image/jpeg" }, capabilities);

        Assert.Equal("image/jpeg", sent.OutputMediaType);
    }

    [Fact]
    public async Task A_media_type_the_vendor_does_not_list_is_left_to_the_vendor()
    {
        var capabilities = RecordingImageGenerationClient.GeminiLike with { OutputMediaTypes = ["image/png"] };

        var sent = await SentAsync(new MeaiImageGenerationRequest("a fox"), new ImageGenerationOptions { MediaType = "image/webp" }, capabilities);

        Assert.Null(sent.OutputMediaType);
    }

    [Fact]
    public async Task The_raw_representation_factory_receives_the_generator()
    {
        var client = new RecordingImageGenerationClient();
        using var generator = client.AsIImageGenerator();
        IImageGenerator? received = null;

        await generator.GenerateAsync(
            new MeaiImageGenerationRequest("a fox"),
            new ImageGenerationOptions { RawRepresentationFactory = g => { received = g; return null; } },
            Ct);

        Assert.Same(generator, received);
    }

    [Fact]
    public async Task A_request_from_the_raw_representation_factory_is_the_base_and_its_settings_win()
    {
        var callback = new Uri("https://127.0.0.1/hooks/images");
        var options = new ImageGenerationOptions
        {
            Count = 2,
            ModelId = "gemini-2.5-flash-image",
            ImageSize = new System.Drawing.Size(1920, 1080),
            RawRepresentationFactory = _ => new SdkImageGenerationRequest
            {
                Prompt = "ignored: the request's prompt is the one asked for",
                CallbackUri = callback,
                AspectRatio = AspectRatio.Square,
                Model = NanoBananaModel.NanoBananaPro,
            },
        };

        var sent = await SentAsync(new MeaiImageGenerationRequest("a harbour"), options);

        Assert.Equal("a harbour", sent.Prompt);
        Assert.Equal(callback, sent.CallbackUri);
        Assert.Equal(AspectRatio.Square, sent.AspectRatio);
        Assert.Equal(NanoBananaModel.NanoBananaPro, sent.Model);
        Assert.Equal(ImageResolution.TwoK, sent.Resolution);
        Assert.Equal(2, sent.ImageCount);
    }

    [Fact]
    public async Task The_raw_request_prompt_is_used_when_the_request_has_none()
    {
        var options = new ImageGenerationOptions { RawRepresentationFactory = _ => new SdkImageGenerationRequest { Prompt = "from the raw request" } };

        var sent = await SentAsync(new MeaiImageGenerationRequest(), options);

        Assert.Equal("from the raw request", sent.Prompt);
    }

    [Fact]
    public async Task Additional_properties_become_extra_wire_fields()
    {
        var options = new ImageGenerationOptions
        {
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                ["seed"] = 42,
                ["style"] = "ink",
                ["hd"] = true,
                ["safety"] = JsonDocument.Parse("""{"level":"strict"}""").RootElement,
            },
        };

        var sent = await SentAsync(new MeaiImageGenerationRequest("a fox"), options);

        var fields = sent.AdditionalProperties!;
        Assert.Equal(42, fields["seed"].GetInt32());
        Assert.Equal("ink", fields["style"].GetString());
        Assert.True(fields["hd"].GetBoolean());
        Assert.Equal("strict", fields["safety"].GetProperty("level").GetString());
    }

    [Fact]
    public async Task Raw_request_fields_win_over_additional_properties_of_the_same_name()
    {
        var options = new ImageGenerationOptions
        {
            AdditionalProperties = new AdditionalPropertiesDictionary { ["seed"] = 1, ["style"] = "ink" },
            RawRepresentationFactory = _ => new SdkImageGenerationRequest
            {
                Prompt = "p",
                AdditionalProperties = new Dictionary<string, JsonElement> { ["seed"] = JsonDocument.Parse("7").RootElement },
            },
        };

        var sent = await SentAsync(new MeaiImageGenerationRequest("a fox"), options);

        Assert.Equal(7, sent.AdditionalProperties!["seed"].GetInt32());
        Assert.Equal("ink", sent.AdditionalProperties["style"].GetString());
    }

    [Fact]
    public async Task An_additional_property_without_a_plain_json_form_is_rejected_before_the_client_is_called()
    {
        var client = new RecordingImageGenerationClient();
        using var generator = client.AsIImageGenerator();
        var options = new ImageGenerationOptions { AdditionalProperties = new AdditionalPropertiesDictionary { ["when"] = DateTime.UnixEpoch } };

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateAsync(new MeaiImageGenerationRequest("a fox"), options, Ct));

        Assert.Contains("'when'", e.Message, StringComparison.Ordinal);
        Assert.Empty(client.Calls);
    }

    [Fact]
    public async Task The_callers_token_reaches_the_client()
    {
        var client = new RecordingImageGenerationClient();
        using var generator = client.AsIImageGenerator();
        using var cts = new CancellationTokenSource();

        await generator.GenerateAsync(new MeaiImageGenerationRequest("a fox"), null, cts.Token);

        Assert.Equal(cts.Token, client.Calls[0].Token);
    }
}
