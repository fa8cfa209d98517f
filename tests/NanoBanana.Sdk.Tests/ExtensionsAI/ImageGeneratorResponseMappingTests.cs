// IImageGenerator is [Experimental("MEAI001")] in Microsoft.Extensions.AI.Abstractions; these tests exercise it on purpose.
#pragma warning disable MEAI001

using Microsoft.Extensions.AI;
using MeaiImageGenerationRequest = Microsoft.Extensions.AI.ImageGenerationRequest;

namespace NanoBanana.Sdk.Tests.ExtensionsAI;

/// <summary>How the SDK result becomes the Microsoft.Extensions.AI response: contents, media types, usage, raw result.</summary>
public sealed class ImageGeneratorResponseMappingTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
    private static readonly Uri HostedPng = new("https://127.0.0.1/results/fox.png");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ImageGenerationResponse> RespondAsync(ImageGenerationResult result, ImageGenerationOptions? options = null)
    {
        var client = new RecordingImageGenerationClient { Respond = (_, _) => result };
        using var generator = client.AsIImageGenerator();
        return await generator.GenerateAsync(new MeaiImageGenerationRequest("a fox"), options, Ct);
    }

    private static ImageGenerationResult Result(params GeneratedImage[] images) => new() { Provider = "Recording", Images = images };

    [Fact]
    public async Task Inline_bytes_become_data_content_with_the_same_bytes()
    {
        var response = await RespondAsync(Result(GeneratedImage.FromBytes(Png.Tiny, "image/png")));

        var data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", data.MediaType);
        Assert.Equal(Png.Tiny, data.Data.ToArray());
    }

    [Fact]
    public async Task The_media_type_is_read_from_the_bytes_when_the_vendor_declares_another()
    {
        var response = await RespondAsync(Result(GeneratedImage.FromBytes(Jpeg, "image/png")));

        Assert.Equal("image/jpeg", Assert.IsType<DataContent>(response.Contents[0]).MediaType);
    }

    [Fact]
    public async Task The_declared_media_type_is_kept_when_the_bytes_are_not_a_known_format()
    {
        var response = await RespondAsync(Result(GeneratedImage.FromBytes("not-a-known-format"u8.ToArray(), "image/avif")));

        Assert.Equal("image/avif", Assert.IsType<DataContent>(response.Contents[0]).MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ImageGenerationResponseFormat.Uri)]
    [InlineData(ImageGenerationResponseFormat.Hosted)]
    public async Task A_hosted_image_stays_a_url(ImageGenerationResponseFormat? format)
    {
        var response = await RespondAsync(
            Result(GeneratedImage.FromUri(HostedPng, "image/png")), new ImageGenerationOptions { ResponseFormat = format });

        var uri = Assert.IsType<UriContent>(Assert.Single(response.Contents));
        Assert.Equal(HostedPng, uri.Uri);
        Assert.Equal("image/png", uri.MediaType);
    }

    [Fact]
    public async Task An_inline_image_is_data_even_when_a_url_is_asked_for()
    {
        var response = await RespondAsync(
            Result(GeneratedImage.FromBytes(Png.Tiny, "image/png")), new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Uri });

        Assert.IsType<DataContent>(Assert.Single(response.Contents));
    }

    [Fact]
    public async Task Every_image_is_returned_in_the_vendors_order_with_its_sdk_image_as_raw_representation()
    {
        var inline = GeneratedImage.FromBytes(Png.Tiny, "image/png");
        var hosted = GeneratedImage.FromUri(HostedPng, "image/png");

        var response = await RespondAsync(Result(inline, hosted));

        Assert.Equal(2, response.Contents.Count);
        Assert.Same(inline, response.Contents[0].RawRepresentation);
        Assert.Same(hosted, response.Contents[1].RawRepresentation);
    }

    [Fact]
    public async Task The_response_raw_representation_is_the_sdk_result()
    {
        var result = Result(GeneratedImage.FromBytes(Png.Tiny, "image/png")) with { OperationId = "job-7", Text = "Here is your fox." };

        var response = await RespondAsync(result);

        Assert.Same(result, response.RawRepresentation);
    }

    [Fact]
    public async Task Token_usage_maps_onto_usage_details()
    {
        var result = Result(GeneratedImage.FromBytes(Png.Tiny, "image/png")) with
        {
            Usage = new ImageGenerationUsage { InputTokens = 12, OutputTokens = 1290, TotalTokens = 1302 },
        };

        var usage = (await RespondAsync(result)).Usage!;

        Assert.Equal(12, usage.InputTokenCount);
        Assert.Equal(1290, usage.OutputTokenCount);
        Assert.Equal(1302, usage.TotalTokenCount);
        Assert.Null(usage.AdditionalCounts);
    }

    [Fact]
    public async Task Whole_credits_charged_are_an_additional_count()
    {
        var result = Result(GeneratedImage.FromBytes(Png.Tiny, "image/png")) with
        {
            Usage = new ImageGenerationUsage { CreditsUsed = 4, RemainingCredits = 96 },
        };

        var usage = (await RespondAsync(result)).Usage!;

        Assert.Equal(4, usage.AdditionalCounts!["CreditsUsed"]);
        Assert.Single(usage.AdditionalCounts);
        Assert.Null(usage.TotalTokenCount);
    }

    [Fact]
    public async Task A_fractional_charge_alone_gives_no_usage_details()
    {
        var result = Result(GeneratedImage.FromBytes(Png.Tiny, "image/png")) with { Usage = new ImageGenerationUsage { CreditsUsed = 0.5m } };

        Assert.Null((await RespondAsync(result)).Usage);
    }

    [Fact]
    public async Task No_usage_from_the_vendor_gives_no_usage_details()
    {
        Assert.Null((await RespondAsync(Result(GeneratedImage.FromBytes(Png.Tiny, "image/png")))).Usage);
    }

    [Fact]
    public async Task Sdk_exceptions_pass_through_unchanged()
    {
        var failure = new NanoBananaQuotaExceededException("402 from Recording: out of credits.") { Provider = "Recording" };
        var client = new RecordingImageGenerationClient { Respond = (_, _) => throw failure };
        using var generator = client.AsIImageGenerator();

        var e = await Assert.ThrowsAsync<NanoBananaQuotaExceededException>(() => generator.GenerateAsync(new MeaiImageGenerationRequest("a fox"), null, Ct));

        Assert.Same(failure, e);
    }
}
