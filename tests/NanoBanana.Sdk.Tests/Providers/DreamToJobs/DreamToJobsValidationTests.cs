using NanoBanana.Sdk.Providers.DreamToJobs;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Input the vendor cannot take is refused before anything is sent.</summary>
public sealed class DreamToJobsValidationTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly StubHandler _stub;

    public DreamToJobsValidationTests() => _stub = new StubHandler(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stub.Dispose();

    private async Task<TException> Refused<TException>(ImageGenerationRequest request, Action<DreamToJobsImageClientOptions>? configure = null)
        where TException : Exception
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time, configure);
        var e = await Assert.ThrowsAsync<TException>(() => client.StartGenerationAsync(request, Ct));
        Assert.Empty(_stub.Requests);
        return e;
    }

    [Fact]
    public async Task A_callback_uri_without_a_webhook_secret_is_an_invalid_operation_and_nothing_is_sent()
    {
        var e = await Refused<InvalidOperationException>(
            new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("https://app.example.com/hooks/dreamto") },
            o => o.Webhooks.Secrets.Clear());

        Assert.Contains("set Webhooks:Secrets so callbacks can be verified", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_plain_http_callback_that_is_not_loopback_is_an_argument_exception()
    {
        await Refused<ArgumentException>(new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("http://app.example.com/hooks") });
    }

    [Fact]
    public async Task The_512_tier_is_not_supported()
    {
        await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", Resolution = ImageResolution.HalfK });
    }

    [Fact]
    public async Task More_than_one_image_is_not_supported()
    {
        await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", ImageCount = 2 });
    }

    [Fact]
    public async Task An_output_format_other_than_png_or_jpeg_is_not_supported()
    {
        await Refused<NotSupportedException>(new ImageGenerationRequest { Prompt = "p", OutputMediaType = "image/webp" });
    }

    [Fact]
    public async Task A_file_whose_type_cannot_be_told_is_an_argument_exception_and_nothing_is_uploaded()
    {
        var path = Path.GetTempFileName();
        try
        {
            var e = await Refused<ArgumentException>(new ImageGenerationRequest { Prompt = "p", InputImages = [ImageInput.FromFile(path)] });

            Assert.Contains(Path.GetFileName(path), e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_malformed_media_type_on_any_reference_is_an_argument_exception_before_the_first_upload()
    {
        await Refused<ArgumentException>(new ImageGenerationRequest
        {
            Prompt = "p",
            InputImages = [ImageInput.FromBytes(Png.Tiny, "image/png"), ImageInput.FromBytes(Png.Tiny, "png")],
        });
    }

    [Fact]
    public async Task An_additional_property_that_the_request_maps_itself_is_an_argument_exception()
    {
        var e = await Refused<ArgumentException>(new ImageGenerationRequest
        {
            Prompt = "p",
            AdditionalProperties = new Dictionary<string, System.Text.Json.JsonElement>
            {
                ["aspect_ratio"] = System.Text.Json.JsonSerializer.SerializeToElement(1, DreamToJobsTestJson.Default.Int32),
            },
        });

        Assert.Contains("aspect_ratio", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_checks_the_request_before_sending()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateStreamingAsync(new ImageGenerationRequest { Prompt = "p", ImageCount = 3 }, Ct).ToListAsync());

        Assert.Empty(_stub.Requests);
    }

    [Theory]
    [InlineData("", "p")]
    [InlineData("nano-banana-pro", " ")]
    public async Task A_vendor_request_without_model_or_prompt_is_an_argument_exception(string model, string prompt)
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateJobAsync(new DreamToJobRequest { Model = model, Input = new DreamToJobInput { Prompt = prompt } }, Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_vendor_request_with_a_relative_reference_is_an_argument_exception()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateJobAsync(
            new DreamToJobRequest
            {
                Model = "nano-banana-pro",
                Input = new DreamToJobInput { Prompt = "p", ReferenceImageUrls = [new Uri("/a.png", UriKind.Relative)] },
            },
            Ct));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Uploading_a_missing_file_is_a_file_not_found_exception()
    {
        using var client = DreamToJobsTestClients.Direct(_stub, _time);

        await Assert.ThrowsAsync<FileNotFoundException>(() => client.UploadFileAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png"), cancellationToken: Ct));

        Assert.Empty(_stub.Requests);
    }
}
