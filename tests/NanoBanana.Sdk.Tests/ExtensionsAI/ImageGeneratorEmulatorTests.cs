// IImageGenerator is [Experimental("MEAI001")] in Microsoft.Extensions.AI.Abstractions; these tests exercise it on purpose.
#pragma warning disable MEAI001

using System.Drawing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;
using MeaiImageGenerationRequest = Microsoft.Extensions.AI.ImageGenerationRequest;

namespace NanoBanana.Sdk.Tests.ExtensionsAI;

/// <summary>The adapter end to end against the emulator: nananobanana's hosted URLs and Gemini's inline bytes.</summary>
public sealed class ImageGeneratorEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NanaNanoBananaImageClient NanaNanoBanana() =>
        new(new NanaNanoBananaImageClientOptions { BaseAddress = _emulator.NanaNanoBananaBaseAddress, ApiKey = _emulator.ApiKey });

    private GeminiImageClient Gemini() =>
        new(new GeminiImageClientOptions { BaseAddress = _emulator.GeminiBaseAddress, ApiKey = _emulator.ApiKey });

    [Fact]
    public async Task A_hosted_result_is_a_url_content_the_emulator_serves()
    {
        using var client = NanaNanoBanana();
        using var generator = client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a watercolor fox", cancellationToken: Ct);

        var uri = Assert.IsType<UriContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", uri.MediaType);
        Assert.Equal(_emulator.BaseAddress.Authority, uri.Uri.Authority);
        Assert.True(response.Usage?.AdditionalCounts?["CreditsUsed"] > 0);
    }

    [Fact]
    public async Task Asking_for_data_downloads_a_hosted_result_into_png_bytes()
    {
        using var client = NanaNanoBanana();
        using var generator = client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync(
            "a watercolor fox", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data }, Ct);

        var data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", data.MediaType);
        Assert.True(Png.HasSignature(data.Data.Span));
    }

    [Fact]
    public async Task An_inline_result_is_png_data_content_with_token_usage()
    {
        using var client = Gemini();
        using var generator = client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a lighthouse at dusk", cancellationToken: Ct);

        var data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", data.MediaType);
        Assert.True(Png.HasSignature(data.Data.Span));
        Assert.True(response.Usage?.TotalTokenCount > 0);
    }

    [Fact]
    public async Task An_edit_sends_the_original_bytes_inline()
    {
        using var client = Gemini();
        using var generator = client.AsIImageGenerator();

        var response = await generator.EditImageAsync(new DataContent(Png.Tiny, "image/png"), "make it night", cancellationToken: Ct);

        Assert.IsType<DataContent>(Assert.Single(response.Contents));
        var sent = _emulator.RequestsTo(":generateContent")[0].BodyText;
        Assert.Contains("\"inlineData\"", sent, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(Png.Tiny), sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_wide_size_gives_a_16_by_9_image_at_the_512_tier()
    {
        using var client = Gemini();
        using var generator = client.AsIImageGenerator(NanoBananaModel.NanoBanana2.Value);

        var response = await generator.GenerateImagesAsync(
            "a harbour", new ImageGenerationOptions { ImageSize = new Size(480, 270) }, Ct);

        var (width, height) = Png.ReadSize(Assert.IsType<DataContent>(response.Contents[0]).Data.Span);
        Assert.Equal(512, width);
        Assert.Equal(16.0 / 9, (double)width / height, 1);
    }

    [Fact]
    public async Task A_content_filter_passes_through_as_the_sdk_exception()
    {
        _emulator.Scenario.BlockPrompts = true;
        using var client = Gemini();
        using var generator = client.AsIImageGenerator();

        await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => generator.GenerateImagesAsync("p", cancellationToken: Ct));
    }

    [Fact]
    public async Task Cancelling_the_callers_token_cancels_the_request_in_flight()
    {
        _emulator.Scenario.Latency = TimeSpan.FromMilliseconds(200);
        using var client = Gemini();
        using var generator = client.AsIImageGenerator();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = generator.GenerateImagesAsync("a slow fox", cancellationToken: cts.Token);
        while (_emulator.RequestsTo(":generateContent").Count == 0)
        {
            await Task.Delay(5, Ct);
        }

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task The_callers_token_reaches_the_download_of_a_hosted_result()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var hosted = new Uri(_emulator.BaseAddress, "images/missing.png");
        var client = new RecordingImageGenerationClient
        {
            // The job finishes, then the caller gives up before the image is fetched.
            Respond = (_, _) =>
            {
                cts.Cancel();
                return new ImageGenerationResult { Provider = "Recording", Images = [GeneratedImage.FromUri(hosted, "image/png")] };
            },
        };
        using var generator = client.AsIImageGenerator();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateImagesAsync(
            "a fox", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data }, cts.Token));

        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task A_generator_registered_over_the_di_client_reaches_its_typed_client()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana().AddGemini(o =>
        {
            o.BaseAddress = _emulator.GeminiBaseAddress;
            o.ApiKey = _emulator.ApiKey;
        });
        services.AddSingleton(sp => sp.GetRequiredService<IImageGenerationClient>().AsIImageGenerator());
        await using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredService<IImageGenerator>();
        var response = await generator.GenerateImagesAsync("a fox", cancellationToken: Ct);

        Assert.Same(provider.GetRequiredService<GeminiImageClient>(), generator.GetService<GeminiImageClient>());
        Assert.Equal("Gemini", generator.GetService<ImageGeneratorMetadata>()!.ProviderName);
        Assert.IsType<DataContent>(Assert.Single(response.Contents));
    }
}
