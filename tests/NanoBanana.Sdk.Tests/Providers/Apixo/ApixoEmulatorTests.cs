using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Testing;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>The emulator's APIXO module against the real client: states, fail codes, errors and callback delivery.</summary>
public sealed class ApixoEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Waits for the emulator's <paramref name="attempt"/>-th delivery to <paramref name="receiver"/> (the callback log spans the class).</summary>
    private async Task<DeliveredCallback> Attempt(ApixoCallbackReceiver receiver, int attempt)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await _emulator.WaitForCallbackAsync(c => IsFor(c, receiver) && c.Attempt == attempt, timeout.Token);
    }

    private static bool IsFor(DeliveredCallback callback, ApixoCallbackReceiver receiver) =>
        callback.Target.Authority == receiver.CallbackUri.Authority && callback.Target.AbsolutePath == receiver.CallbackUri.AbsolutePath;

    [Fact]
    public async Task A_job_reads_pending_then_processing_then_success_with_the_documented_fields()
    {
        _emulator.Scenario.CompleteAfterPolls = 3;
        using var client = ApixoTestClients.Emulated(_emulator);
        var operation = await client.StartGenerationAsync(ApixoTestClients.Request(), Ct);
        var (model, taskId) = (operation.Id.Split(':')[0], operation.Id.Split(':')[1]);

        var states = new List<ApixoTaskStatus>();
        for (var i = 0; i < 3; i++)
        {
            states.Add(await client.GetTaskStatusAsync(model, taskId, Ct));
        }

        Assert.Equal(["pending", "processing", "success"], states.Select(s => s.State));
        Assert.All(states, s => Assert.NotNull(s.CreateTime));
        Assert.Null(states[1].CompleteTime);
        Assert.NotNull(states[2].CompleteTime);
        Assert.Equal(states[2].CompleteTime - states[2].CreateTime, states[2].CostTime);
        Assert.StartsWith("{\"resultUrls\":[\"http://127.0.0.1", states[2].ResultJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_status_is_the_documented_envelope_with_result_json_as_a_string()
    {
        using var client = ApixoTestClients.Emulated(_emulator);
        var operation = await client.StartGenerationAsync(ApixoTestClients.Request(), Ct);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_emulator.ApixoBaseAddress, "statusTask/nano-banana?taskId=" + operation.Id.Split(':')[1]));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _emulator.ApiKey);

        using var response = await http.SendAsync(request, Ct);

        var root = Json(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(200, root.GetProperty("code").GetInt32());
        Assert.Equal("success", root.GetProperty("message").GetString());
        var data = root.GetProperty("data");
        Assert.Equal(["taskId", "state", "resultJson", "costTime", "createTime", "completeTime"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, data.GetProperty("resultJson").ValueKind);
    }

    [Fact]
    public async Task Generate_returns_a_png_of_the_requested_resolution()
    {
        using var client = ApixoTestClients.Emulated(_emulator);

        var result = await client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "a fox", Model = ApixoModels.NanoBananaPro, Resolution = ImageResolution.TwoK, AspectRatio = AspectRatio.Landscape16x9 }, Ct);

        var bytes = await Assert.Single(result.Images).GetBytesAsync(Ct);
        Assert.Equal((2048, 1152), Png.ReadSize(bytes.Span));
        Assert.Equal("image/png", result.Images[0].MediaType);
    }

    [Fact]
    public async Task An_unreachable_reference_url_fails_the_job_with_invalid_image_url()
    {
        using var client = ApixoTestClients.Emulated(_emulator);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromUri("https://invalid.example/ref.png")] }, Ct));

        Assert.Equal("INVALID_IMAGE_URL", e.ErrorCode);
        Assert.StartsWith("nano-banana:task_", e.OperationId, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task Fail_jobs_with_fails_the_job_with_a_generic_fail_code_and_that_message()
    {
        _emulator.Scenario.FailJobsWith = "upstream exploded";
        using var client = ApixoTestClients.Emulated(_emulator);

        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => client.GenerateAsync(ApixoTestClients.Request(), Ct));

        Assert.Equal("GENERATION_FAILED", e.ErrorCode);
        Assert.Contains("upstream exploded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_injected_429_carries_the_vendor_error_body()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(429) { PathSuffix = "/generateTask/nano-banana", RetryAfter = TimeSpan.FromHours(1) });
        using var client = ApixoTestClients.Emulated(_emulator);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.StartGenerationAsync(ApixoTestClients.Request(), Ct));

        Assert.Equal(429, e.StatusCode);
        Assert.Contains("Rate limit exceeded", e.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(1), e.RetryAfter);
    }

    [Fact]
    public async Task A_body_the_model_does_not_accept_is_a_400_with_the_documented_body()
    {
        using var client = ApixoTestClients.Emulated(_emulator);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateTaskAsync(ApixoModels.NanoBanana, new ApixoGenerateTaskRequest
        {
            Input = new ApixoTaskInput { Mode = ApixoTaskModes.TextToImage, Prompt = "p", Resolution = "2K" },
        }, Ct));

        Assert.Equal(400, e.StatusCode);
        Assert.Contains("Invalid request: input.resolution is not supported by nano-banana", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_is_a_404()
    {
        using var client = ApixoTestClients.Emulated(_emulator);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateTaskAsync("flux-2", new ApixoGenerateTaskRequest
        {
            Input = new ApixoTaskInput { Mode = ApixoTaskModes.TextToImage, Prompt = "p" },
        }, Ct));

        Assert.Equal(404, e.StatusCode);
    }

    [Fact]
    public async Task A_status_read_with_another_model_than_the_submit_is_a_404()
    {
        using var client = ApixoTestClients.Emulated(_emulator);
        var operation = await client.StartGenerationAsync(ApixoTestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaException>(
            () => client.GetTaskStatusAsync(ApixoModels.NanoBanana2, operation.Id.Split(':')[1], Ct));

        Assert.Equal(404, e.StatusCode);
    }

    [Fact]
    public async Task A_callback_is_delivered_with_the_status_envelope_and_retried_three_times()
    {
        await using var receiver = await ApixoCallbackReceiver.StartAsync(answers: [500, 500, 500, 500]);
        using var client = ApixoTestClients.Emulated(_emulator);

        var operation = await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", CallbackUri = receiver.CallbackUri }, Ct);
        var last = await Attempt(receiver, 4);

        var attempts = _emulator.Callbacks.Where(c => IsFor(c, receiver)).ToList();
        Assert.Equal([1, 2, 3, 4], attempts.Select(a => a.Attempt));
        Assert.All(attempts, a => Assert.Equal(500, a.StatusCode));
        var data = Json(last.BodyText).GetProperty("data");
        Assert.Equal(operation.Id.Split(':')[1], data.GetProperty("taskId").GetString());
        Assert.Equal("success", data.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, data.GetProperty("resultJson").ValueKind);
        Assert.Contains("nb_token=", last.Target.Query, StringComparison.Ordinal);
        Assert.Empty(last.Headers);
    }

    [Fact]
    public async Task A_content_violation_callback_parses_to_a_content_filtered_event()
    {
        _emulator.Scenario.ContentWarning = true;
        var events = new List<ImageGenerationWebhookEvent>();
        var parser = new ApixoWebhookParser(ApixoTestClients.Options());
        await using var receiver = await ApixoCallbackReceiver.StartAsync(onCallback: request => events.Add(parser.Parse(request)));
        using var client = ApixoTestClients.Emulated(_emulator);

        var operation = await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", CallbackUri = receiver.CallbackUri }, Ct);
        var delivered = await Attempt(receiver, 1);

        Assert.True(delivered.Succeeded);
        var e = Assert.Single(events);
        Assert.Equal(operation.Id, e.OperationId);
        Assert.Equal("CONTENT_VIOLATION", Assert.IsType<NanoBananaContentFilteredException>(e.Error).ErrorCode);
    }

    [Fact]
    public async Task Through_di_an_operation_completes_from_its_callback_without_polling()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana().AddApixo(o =>
        {
            o.ApiKey = _emulator.ApiKey;
            o.BaseAddress = _emulator.ApixoBaseAddress;
            o.Webhooks.Secrets.Add(ApixoTestClients.WebhookSecret);
        });
        await using var provider = services.BuildServiceProvider();
        var hub = provider.GetRequiredService<ImageGenerationWebhookHub>();
        var parser = provider.GetRequiredKeyedService<IImageGenerationWebhookParser>("apixo");
        await using var receiver = await ApixoCallbackReceiver.StartAsync(onCallback: request => hub.Publish(parser.Parse(request)));
        var client = provider.GetRequiredService<IImageGenerationClient>();

        var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "p", CallbackUri = receiver.CallbackUri }, Ct);

        Assert.Empty(_emulator.RequestsTo("/statusTask/nano-banana"));
        var bytes = await Assert.Single(result.Images).GetBytesAsync(Ct);
        Assert.True(Png.HasSignature(bytes.Span));
    }
}
