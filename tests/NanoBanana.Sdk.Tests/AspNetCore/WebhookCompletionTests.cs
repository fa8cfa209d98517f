using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.AspNetCore;

/// <summary>
/// End to end: the APIXO emulator calls the app's mapped endpoint back, and the operation started with that callback URL
/// completes from the callback while its first poll is still an hour of fake time away.
/// </summary>
public sealed class WebhookCompletionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Secret = "whsec_completion_test_3b8e";

    private static readonly TimeSpan CallbackWait = TimeSpan.FromSeconds(10);

    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A first poll 5 minutes away on a clock that never moves: any result must have come from the callback.</summary>
    private static PollingStrategy FarFirstPoll => PollingStrategy.Fixed(TimeSpan.FromMinutes(5), maxWait: TimeSpan.FromMinutes(10));

    [Fact]
    public async Task An_operation_started_with_a_callback_url_completes_from_the_webhook_without_polling()
    {
        var emulator = fixture.Fresh();
        await using var receiver = await StartReceiverAsync(emulator);
        var client = receiver.Services.GetRequiredKeyedService<IImageGenerationClient>(ApixoServiceCollectionExtensions.DefaultName);

        var operation = await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "a watercolor fox",
            CallbackUri = ApixoEndpoint(receiver),
        }, Ct);
        var result = await operation.WaitForCompletionAsync(FarFirstPoll, Ct).WaitAsync(CallbackWait, Ct);

        // Each test has its own receiver, so its port tells this test's callback from earlier ones on the shared emulator.
        var callback = await emulator.WaitForCallbackAsync(c => c.Target.Authority == receiver.BaseAddress.Authority, Ct).WaitAsync(CallbackWait, Ct);
        Assert.Equal(200, callback.StatusCode);
        Assert.Equal(operation.Id, result.OperationId);
        Assert.NotEmpty(result.Images);
        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.DoesNotContain(emulator.Requests, r => r.Path.Contains("/statusTask/", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.Zero, _time.Elapsed);
    }

    [Fact]
    public async Task A_job_that_failed_fails_the_wait_from_the_webhook_with_the_operation_id()
    {
        var emulator = fixture.Fresh();
        emulator.Scenario.FailJobsWith = "the model is overloaded";
        await using var receiver = await StartReceiverAsync(emulator);
        var client = receiver.Services.GetRequiredKeyedService<IImageGenerationClient>(ApixoServiceCollectionExtensions.DefaultName);

        var operation = await client.StartGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "a watercolor fox",
            CallbackUri = ApixoEndpoint(receiver),
        }, Ct);
        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(
            () => operation.WaitForCompletionAsync(FarFirstPoll, Ct).WaitAsync(CallbackWait, Ct));

        Assert.Equal(operation.Id, e.OperationId);
        Assert.DoesNotContain(emulator.Requests, r => r.Path.Contains("/statusTask/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_callback_without_the_sdk_token_is_answered_401()
    {
        var emulator = fixture.Fresh();
        await using var receiver = await StartReceiverAsync(emulator);

        using var response = await receiver.Client.PostAsync(
            new Uri(ApixoEndpoint(receiver) + "?nb_model=nano-banana"),
            new ByteArrayContent("""{"code":200,"message":"success","data":{"taskId":"task_forged","state":"success","resultJson":"{\"resultUrls\":[\"http://127.0.0.1/x.png\"]}"}}"""u8.ToArray()),
            Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Uri ApixoEndpoint(WebhookReceiver receiver) =>
        new(receiver.BaseAddress, "webhooks/nanobanana/" + ApixoServiceCollectionExtensions.DefaultName);

    private Task<WebhookReceiver> StartReceiverAsync(NanoBananaEmulator emulator) => WebhookReceiver.StartAsync(
        services => services.AddNanoBanana().AddApixo(options =>
        {
            options.BaseAddress = emulator.ApixoBaseAddress;
            options.ApiKey = emulator.ApiKey;
            options.Webhooks.Secrets.Add(Secret);
        }),
        timeProvider: _time);
}
