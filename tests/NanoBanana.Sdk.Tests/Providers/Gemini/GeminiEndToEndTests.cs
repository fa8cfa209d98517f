using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>Gemini-only behaviour end to end against the emulator: sizes, auth schemes, uploads, models, blocked prompts.</summary>
public sealed class GeminiEndToEndTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GeminiImageClient Client(Action<GeminiImageClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new GeminiImageClientOptions { ApiKey = _emulator.ApiKey, BaseAddress = _emulator.GeminiBaseAddress };
        configure?.Invoke(options);
        return new GeminiImageClient(options, time);
    }

    [Fact]
    public async Task Nano_banana_2_at_2k_returns_the_requested_size_not_the_1k_draft_before_it()
    {
        using var client = Client();

        var result = await client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "a harbour", Model = NanoBananaModel.NanoBanana2, Resolution = ImageResolution.TwoK, AspectRatio = AspectRatio.Landscape16x9 }, Ct);

        var raw = (GeminiGenerateContentResponse)result.RawRepresentation!;
        Assert.Equal(2, raw.Candidates[0].Content!.Parts.Count(p => p.InlineData is not null));
        var (width, height) = Png.ReadSize((await result.Images[0].GetBytesAsync(Ct)).Span);
        Assert.Equal(2048, Math.Max(width, height));
        Assert.True(width > height);
    }

    [Fact]
    public async Task The_512_tier_on_nano_banana_2_is_accepted_and_gives_a_512_pixel_image()
    {
        using var client = Client();

        var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a pear", Model = NanoBananaModel.NanoBanana2, Resolution = ImageResolution.HalfK }, Ct);

        var (width, height) = Png.ReadSize(result.Images[0].Data!.Value.Span);
        Assert.Equal(512, Math.Max(width, height));
    }

    [Fact]
    public async Task The_bearer_scheme_of_gateways_is_accepted()
    {
        using var client = Client(o => o.AuthScheme = GeminiAuthScheme.Bearer);

        var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a fox" }, Ct);

        Assert.NotEmpty(result.Images);
        Assert.StartsWith("Bearer ", _emulator.RequestsTo(":generateContent")[0].Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_prompt_is_content_filtered_with_its_block_reason()
    {
        _emulator.Scenario.BlockPrompts = true;
        using var client = Client();

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => client.GenerateAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.Equal("SAFETY", e.ErrorCode);
    }

    [Fact]
    public async Task A_stream_reports_the_text_before_the_image()
    {
        using var client = Client();

        var updates = await client.GenerateStreamingAsync(new ImageGenerationRequest { Prompt = "a watercolor fox" }, Ct).ToListAsync();

        Assert.False(string.IsNullOrEmpty(Assert.IsType<ImageGenerationProgressUpdate>(updates[0]).Message));
        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.True(Png.HasSignature(completed.Result.Images[0].Data!.Value.Span));
        Assert.NotNull(completed.Result.Usage?.TotalTokens);
    }

    [Fact]
    public async Task A_reference_over_the_inline_limit_is_uploaded_and_sent_as_file_data()
    {
        using var client = Client(o => o.InlineReferenceLimitBytes = 64);

        var result = await client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "keep the style", InputImages = [ImageInput.FromBytes(Png.Tiny, "image/png")] }, Ct);

        Assert.NotEmpty(result.Images);
        Assert.Equal(2, _emulator.RequestsTo("/upload/v1beta/files").Count);
        Assert.Contains("\"fileData\"", _emulator.RequestsTo(":generateContent")[0].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_reference_is_streamed_inline_and_accepted()
    {
        var path = Path.Combine(Path.GetTempPath(), "nanobanana-gemini-tests", Guid.NewGuid().ToString("N") + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Png.Tiny, Ct);
        try
        {
            using var client = Client();

            var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromFile(path)] }, Ct);

            Assert.NotEmpty(result.Images);
            Assert.Contains(Convert.ToBase64String(Png.Tiny), _emulator.RequestsTo(":generateContent")[0].BodyText, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_uploaded_file_can_be_read_back()
    {
        using var client = Client();

        var uploaded = await client.UploadFileAsync(ImageInput.FromBytes(Png.Tiny, "image/png"), "tiny", Ct);
        var read = await client.GetFileAsync(uploaded.Name!, Ct);

        Assert.Equal("ACTIVE", read.State);
        Assert.Equal("tiny", read.DisplayName);
        Assert.Equal(Png.Tiny.Length, read.SizeBytes);
    }

    [Fact]
    public async Task The_models_list_holds_the_nano_banana_models()
    {
        using var client = Client();

        var models = await client.GetModelsAsync(Ct);

        Assert.Contains(models, m => m.Id == NanoBananaModel.NanoBanana.Value);
        Assert.Contains(models, m => m.Id == NanoBananaModel.NanoBanana2.Value);
    }

    [Fact]
    public async Task A_rate_limited_submit_waits_the_retry_delay_then_succeeds()
    {
        var time = new ManualTimeProvider();
        _emulator.Scenario.EnqueueFault(new EmulatorFault(429) { PathSuffix = ":generateContent", Method = "POST", RetryAfter = TimeSpan.FromSeconds(7) });
        using var client = Client(time: time);

        var result = await time.RunAsync(client.GenerateAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.NotEmpty(result.Images);
        Assert.Equal(2, _emulator.RequestsTo(":generateContent").Count);
        Assert.Equal(TimeSpan.FromSeconds(7), time.Elapsed);
    }

    [Fact]
    public async Task Generate_to_stream_writes_the_png_into_the_destination()
    {
        using var client = Client();
        using var destination = new MemoryStream();

        var generation = await client.GenerateToStreamAsync(
            new ImageGenerationRequest { Prompt = "a fox", AspectRatio = AspectRatio.Portrait9x16 }, _ => new NonClosingStream(destination), Ct);

        Assert.Equal(destination.Length, generation.ImageLength);
        var (width, height) = Png.ReadSize(destination.ToArray());
        Assert.True(height > width);
    }

    /// <summary>Keeps the test's stream open when the SDK disposes the destination.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
