using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Testing;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>The client against the emulator's DreamTo module: uploads, inline results, poll counts, callbacks and faults.</summary>
public sealed class DreamToJobsEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReadOnlyList<RecordedRequest> StatusReads(string jobId) => _emulator.RequestsTo("/v1/jobs/" + jobId);

    [Fact]
    public async Task An_upload_returns_a_url_that_serves_the_uploaded_bytes()
    {
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var file = await client.UploadFileAsync(Png.Tiny, "kitchen.png", "image/png", Ct);

        Assert.Equal(("file", "image", "reference", "kitchen.png", "image/png", (long?)Png.Tiny.Length), (file.ObjectType, file.Kind, file.Purpose, file.FileName, file.MimeType, file.Bytes));
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(file.Url!), Ct);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png.Tiny, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_bytes_reference_is_uploaded_and_the_job_references_the_upload()
    {
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var result = await client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "put a hat on it", InputImages = [ImageInput.FromBytes(Png.Tiny, "image/png")] }, Ct);

        Assert.Single(_emulator.RequestsTo("/v1/files/upload"));
        var submit = Assert.Single(_emulator.RequestsTo("/v1/jobs"));
        Assert.Contains(_emulator.DreamToBaseAddress.AbsoluteUri + "uploads/", submit.BodyText, StringComparison.Ordinal);
        Assert.True(Png.HasSignature((await Assert.Single(result.Images).GetBytesAsync(Ct)).Span));
    }

    [Fact]
    public async Task A_file_upload_is_streamed_with_a_content_length_rather_than_chunked()
    {
        var path = Path.Combine(Path.GetTempPath(), "nanobanana-tests", Guid.NewGuid().ToString("N"), "ref.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Png.Tiny, Ct);
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        try
        {
            await client.UploadFileAsync(path, cancellationToken: Ct);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        var upload = Assert.Single(_emulator.RequestsTo("/v1/files/upload"));
        Assert.Equal(upload.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), upload.Headers["Content-Length"]);
        Assert.False(upload.Headers.ContainsKey("Transfer-Encoding"));
    }

    [Fact]
    public async Task A_reference_to_an_upload_that_does_not_exist_is_a_400()
    {
        using var client = DreamToJobsTestClients.Emulated(_emulator);
        var missing = new Uri(_emulator.DreamToBaseAddress, "uploads/file_missing/x.png");

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.CreateJobAsync(
            new DreamToJobRequest { Model = "nano-banana-pro", Input = new DreamToJobInput { Prompt = "p", ReferenceImageUrls = [missing] } }, Ct));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal("invalid_request", e.ErrorCode);
        Assert.Contains("was not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_is_a_400_naming_it()
    {
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateAsync(new ImageGenerationRequest { Prompt = "p", Model = "nano-banana-9" }, Ct));

        Assert.Equal(400, e.StatusCode);
        Assert.Contains("nano-banana-9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inline_results_are_decoded_into_a_png_of_the_requested_size()
    {
        _emulator.Scenario.InlineResults = true;
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var result = await client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "a wide desert", AspectRatio = AspectRatio.Landscape16x9, Resolution = ImageResolution.TwoK }, Ct);

        var image = Assert.Single(result.Images);
        Assert.Null(image.Uri);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal((2048, 1152), Png.ReadSize(image.Data!.Value.Span));
        Assert.Contains("\"b64_json\"", Encoding.UTF8.GetString(await EmulatorStatusBody(result.OperationId!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_results_are_the_default()
    {
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        Assert.StartsWith(_emulator.BaseAddress.AbsoluteUri, Assert.Single(result.Images).Uri!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_completes_at_the_configured_poll()
    {
        _emulator.Scenario.CompleteAfterPolls = 3;
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        await operation.WaitForCompletionAsync(Ct);

        Assert.Equal(3, StatusReads(operation.Id).Count);
    }

    [Fact]
    public async Task A_blocked_prompt_ends_the_job_content_filtered()
    {
        _emulator.Scenario.BlockPrompts = true;
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.NotNull(e.OperationId);
    }

    [Fact]
    public async Task A_submit_refused_with_429_is_retried_after_retry_after()
    {
        var time = new ManualTimeProvider();
        _emulator.Scenario.EnqueueFault(new EmulatorFault(429) { PathSuffix = "/v1/jobs", Method = "POST", RetryAfter = TimeSpan.FromSeconds(4) });
        using var client = DreamToJobsTestClients.Emulated(_emulator, time);

        var operation = await time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Equal(2, _emulator.RequestsTo("/v1/jobs").Count);
        Assert.Equal(TimeSpan.FromSeconds(4), time.Elapsed);
        Assert.StartsWith("job_", operation.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_yields_the_emulators_error_code()
    {
        using var client = new DreamToJobsImageClient(DreamToJobsTestClients.Options(o =>
        {
            o.ApiKey = "dt_wrong";
            o.BaseAddress = _emulator.DreamToBaseAddress;
        }));

        var e = await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.UploadFileAsync(Png.Tiny, "a.png", "image/png", Ct));

        Assert.Equal("invalid_api_key", e.ErrorCode);
    }

    [Fact]
    public async Task The_callback_reaches_the_callback_url_with_the_token_and_parses_to_the_finished_job()
    {
        var received = new ConcurrentQueue<WebhookRequest>();
        await using var receiver = await DreamToJobsCallbackReceiver.StartAsync(received.Enqueue);
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var operation = await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a kite", CallbackUri = receiver.CallbackUri }, Ct);
        var delivered = await _emulator.WaitForCallbackAsync(c => c.BodyText.Contains(operation.Id, StringComparison.Ordinal), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(200, delivered.StatusCode);
        Assert.Contains("nb_token=", delivered.Target.Query, StringComparison.Ordinal);
        var webhookEvent = new DreamToJobsWebhookParser(DreamToJobsTestClients.Options()).Parse(Assert.Single(received));
        Assert.Equal(operation.Id, webhookEvent.OperationId);
        Assert.Equal(ImageGenerationStatus.Succeeded, webhookEvent.Status);
        Assert.True(Png.HasSignature((await Assert.Single(webhookEvent.Result!.Images).GetBytesAsync(Ct)).Span));
    }

    [Fact]
    public async Task A_content_violation_callback_carries_content_filtered()
    {
        _emulator.Scenario.ContentWarning = true;
        var received = new ConcurrentQueue<WebhookRequest>();
        await using var receiver = await DreamToJobsCallbackReceiver.StartAsync(received.Enqueue);
        using var client = DreamToJobsTestClients.Emulated(_emulator);

        var operation = await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a kite", CallbackUri = receiver.CallbackUri }, Ct);
        await _emulator.WaitForCallbackAsync(c => c.BodyText.Contains(operation.Id, StringComparison.Ordinal), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var webhookEvent = new DreamToJobsWebhookParser(DreamToJobsTestClients.Options()).Parse(Assert.Single(received));
        var error = Assert.IsType<NanoBananaContentFilteredException>(webhookEvent.Error);
        Assert.Equal(operation.Id, error.OperationId);
    }

    [Fact]
    public async Task Generate_with_a_callback_finishes_from_the_hub_without_polling()
    {
        var hub = new ImageGenerationWebhookHub();
        var parser = new DreamToJobsWebhookParser(DreamToJobsTestClients.Options());
        await using var receiver = await DreamToJobsCallbackReceiver.StartAsync(request => hub.Publish(parser.Parse(request)));
        var time = new ManualTimeProvider();
        using var client = DreamToJobsTestClients.Emulated(_emulator, time, hub);

        var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a kite", CallbackUri = receiver.CallbackUri }, Ct)
            .WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Empty(StatusReads(result.OperationId!));
        Assert.Equal(TimeSpan.Zero, time.Elapsed);
        Assert.NotEmpty(result.Images);
    }

    [Fact]
    public async Task The_di_registration_generates_against_the_emulator()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana().AddDreamToJobs(o =>
        {
            o.BaseAddress = _emulator.DreamToBaseAddress;
            o.ApiKey = _emulator.ApiKey;
            o.PollingStrategy = DreamToJobsTestClients.FastPolling;
        });
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IImageGenerationClientFactory>().GetClient("dreamto-jobs").GenerateAsync(TestClients.Request(), Ct);

        Assert.Equal(DreamToJobsImageClient.ProviderId, result.Provider);
        Assert.NotEmpty(result.Images);
    }

    private async Task<byte[]> EmulatorStatusBody(string jobId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_emulator.DreamToBaseAddress, "v1/jobs/" + jobId));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _emulator.ApiKey);
        using var response = await http.SendAsync(request, Ct);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
