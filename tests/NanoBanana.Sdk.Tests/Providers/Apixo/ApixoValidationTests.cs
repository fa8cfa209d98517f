using NanoBanana.Sdk.Providers.Apixo;

namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>What APIXO's models cannot take is refused before anything is sent.</summary>
public sealed class ApixoValidationTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly StubHandler _stub;

    public ApixoValidationTests() => _stub = ApixoTestClients.Stub(_time, ApixoWireFixtures.Success);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<ImageInput> Urls(int count) =>
        [.. Enumerable.Range(0, count).Select(i => ImageInput.FromUri($"https://example.com/ref{i}.png"))];

    private async Task<TException> Refused<TException>(ImageGenerationRequest request, Action<ApixoImageClientOptions>? configure = null)
        where TException : Exception
    {
        using var client = ApixoTestClients.Direct(_stub, _time, configure);
        var e = await Assert.ThrowsAsync<TException>(() => client.StartGenerationAsync(request, Ct));
        Assert.Empty(_stub.Requests);
        return e;
    }

    [Fact]
    public async Task Nano_banana_takes_at_most_five_reference_images()
    {
        var e = await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", InputImages = Urls(6) });

        Assert.Contains("at most 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nano_banana_2_takes_fourteen_reference_images()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/generateTask/nano-banana-2", Reply.Json(ApixoWireFixtures.Submitted));
        using var client = ApixoTestClients.Direct(stub, _time);

        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", Model = ApixoModels.NanoBanana2, InputImages = Urls(14) }, Ct);

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task More_than_fourteen_reference_images_are_refused_for_every_model()
    {
        await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", Model = "some-other-model", InputImages = Urls(15) });
    }

    [Fact]
    public async Task Nano_banana_refuses_the_extreme_ratios_only_nano_banana_2_has()
    {
        var e = await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", AspectRatio = AspectRatio.Portrait1x4 });

        Assert.Contains("1:4", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2K")]
    [InlineData("4K")]
    public async Task Nano_banana_cannot_produce_more_than_1K(string size)
    {
        var e = await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", Resolution = new ImageResolution(size) });

        Assert.Contains("nano-banana-pro", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nano_banana_refuses_a_prompt_over_5000_characters()
    {
        await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = new string('a', 5001) });
    }

    [Fact]
    public async Task Reference_bytes_are_not_supported()
    {
        var e = await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", InputImages = [ImageInput.FromBytes(new byte[] { 1 }, "image/png")] });

        Assert.Contains("URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webp_output_is_not_supported()
    {
        await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", OutputMediaType = "image/webp" });
    }

    [Fact]
    public async Task A_callback_uri_without_a_webhook_secret_is_an_invalid_operation_naming_the_setting()
    {
        var e = await Refused<InvalidOperationException>(
            new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("https://app.example.com/hook") },
            o => o.Webhooks.Secrets.Clear());

        Assert.Contains("Webhooks:Secrets", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_callback_uri_off_loopback_is_an_argument_exception()
    {
        await Refused<ArgumentException>(new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("http://app.example.com/hook") });
    }

    [Fact]
    public async Task A_model_id_that_cannot_be_a_path_segment_is_an_argument_exception()
    {
        await Refused<ArgumentException>(new ImageGenerationRequest { Prompt = "p", Model = "nano-banana/../admin" });
    }

    [Fact]
    public async Task The_typed_submit_refuses_a_callback_task_without_a_callback_url()
    {
        using var client = ApixoTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GenerateTaskAsync(ApixoModels.NanoBanana, new ApixoGenerateTaskRequest
        {
            RequestType = ApixoRequestTypes.Callback,
            Input = new ApixoTaskInput { Mode = ApixoTaskModes.TextToImage, Prompt = "p" },
        }, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_pre_cancelled_typed_status_read_sends_nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var client = ApixoTestClients.Direct(_stub, _time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetTaskStatusAsync(ApixoModels.NanoBanana, "task_1", cts.Token));

        Assert.Empty(_stub.Requests);
    }
}
