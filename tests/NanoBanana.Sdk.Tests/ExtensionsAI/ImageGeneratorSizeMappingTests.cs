// IImageGenerator is [Experimental("MEAI001")] in Microsoft.Extensions.AI.Abstractions; these tests exercise it on purpose.
#pragma warning disable MEAI001

using System.Drawing;
using Microsoft.Extensions.AI;
using MeaiImageGenerationRequest = Microsoft.Extensions.AI.ImageGenerationRequest;
using SdkImageGenerationRequest = NanoBanana.Sdk.ImageGenerationRequest;

namespace NanoBanana.Sdk.Tests.ExtensionsAI;

/// <summary>How <see cref="ImageGenerationOptions.ImageSize"/> becomes a supported aspect ratio and resolution tier.</summary>
public sealed class ImageGeneratorSizeMappingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SdkImageGenerationRequest> SentAsync(Size size, ImageGenerationCapabilities? capabilities = null)
    {
        var client = new RecordingImageGenerationClient { Capabilities = capabilities ?? RecordingImageGenerationClient.GeminiLike };
        using var generator = client.AsIImageGenerator();
        await generator.GenerateAsync(new MeaiImageGenerationRequest("a fox"), new ImageGenerationOptions { ImageSize = size }, Ct);
        return client.LastRequest;
    }

    [Theory]
    [InlineData(1024, 1024, "1:1")]
    [InlineData(1920, 1080, "16:9")]
    [InlineData(1080, 1920, "9:16")]
    [InlineData(1000, 1500, "2:3")]
    [InlineData(1200, 1000, "5:4")]
    [InlineData(2560, 1080, "21:9")]
    [InlineData(4000, 1000, "4:1")]
    [InlineData(100, 900, "1:8")]
    public async Task The_closest_supported_aspect_ratio_is_chosen(int width, int height, string expected)
    {
        var sent = await SentAsync(new Size(width, height));

        Assert.Equal(new AspectRatio(expected), sent.AspectRatio);
    }

    [Fact]
    public async Task Closeness_is_judged_on_a_log_scale_so_the_nearer_shape_wins()
    {
        // 2.9:1 is 1.45x wider than 2:1 and 1.38x narrower than 4:1: 4:1 is the nearer shape, though 2:1 is nearer by difference.
        var capabilities = RecordingImageGenerationClient.GeminiLike with { AspectRatios = [new AspectRatio("2:1"), AspectRatio.Landscape4x1] };

        var sent = await SentAsync(new Size(2900, 1000), capabilities);

        Assert.Equal(AspectRatio.Landscape4x1, sent.AspectRatio);
    }

    [Fact]
    public async Task Only_ratios_the_vendor_lists_are_chosen()
    {
        var capabilities = RecordingImageGenerationClient.GeminiLike with { AspectRatios = [AspectRatio.Auto, AspectRatio.Square, AspectRatio.Landscape16x9] };

        var sent = await SentAsync(new Size(4000, 1000), capabilities);

        Assert.Equal(AspectRatio.Landscape16x9, sent.AspectRatio);
    }

    [Theory]
    [InlineData(300, 200, "512")]
    [InlineData(512, 512, "512")]
    [InlineData(1024, 768, "1K")]
    [InlineData(1025, 1025, "2K")]
    [InlineData(1080, 1920, "2K")]
    [InlineData(3840, 2160, "4K")]
    [InlineData(8000, 8000, "4K")]
    public async Task The_smallest_tier_covering_the_long_side_is_chosen_else_the_largest(int width, int height, string expected)
    {
        var sent = await SentAsync(new Size(width, height));

        Assert.Equal(new ImageResolution(expected), sent.Resolution);
    }

    [Fact]
    public async Task Only_tiers_the_vendor_lists_are_chosen()
    {
        var capabilities = RecordingImageGenerationClient.GeminiLike with { Resolutions = [ImageResolution.OneK, ImageResolution.TwoK] };

        var sent = await SentAsync(new Size(256, 256), capabilities);

        Assert.Equal(ImageResolution.OneK, sent.Resolution);
    }

    [Fact]
    public async Task A_vendor_that_takes_neither_ratio_nor_resolution_gets_neither()
    {
        var capabilities = RecordingImageGenerationClient.GeminiLike with { AspectRatios = [], Resolutions = [] };

        var sent = await SentAsync(new Size(1920, 1080), capabilities);

        Assert.Null(sent.AspectRatio);
        Assert.Null(sent.Resolution);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, -1)]
    public async Task A_size_without_area_is_rejected_before_the_client_is_called(int width, int height)
    {
        var client = new RecordingImageGenerationClient();
        using var generator = client.AsIImageGenerator();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => generator.GenerateAsync(
            new MeaiImageGenerationRequest("a fox"), new ImageGenerationOptions { ImageSize = new Size(width, height) }, Ct));

        Assert.Empty(client.Calls);
    }
}
