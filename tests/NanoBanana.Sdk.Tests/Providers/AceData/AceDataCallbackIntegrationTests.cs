using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Testing;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>
/// The whole callback path through dependency injection: the client adds its token to <c>callback_url</c>, the emulator
/// posts the finished task there, the registered parser verifies it, and the hub completes the waiting operation.
/// </summary>
public sealed class AceDataCallbackIntegrationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan RealTimeGuard = TimeSpan.FromSeconds(10);

    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_delivered_callback_completes_the_operation_without_a_single_retrieve()
    {
        // Polling runs on a clock that never moves, so only the callback can end the wait.
        var time = new ManualTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddNanoBanana().AddAceData(o =>
        {
            o.ApiKey = _emulator.ApiKey;
            o.BaseAddress = _emulator.AceDataBaseAddress;
            o.Webhooks.Secrets.Add("whsec_integration");
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IImageGenerationClient>("acedata");
        var parser = provider.GetRequiredKeyedService<IImageGenerationWebhookParser>("acedata");
        var hub = provider.GetRequiredService<ImageGenerationWebhookHub>();

        var operation = await client.StartGenerationAsync(
            new ImageGenerationRequest { Prompt = "a fox at dawn", CallbackUri = new Uri("http://127.0.0.1:9/hooks/acedata") }, Ct);
        var delivered = await _emulator.WaitForCallbackAsync(c => c.BodyText.Contains(operation.Id, StringComparison.Ordinal), Ct).WaitAsync(RealTimeGuard, Ct);
        hub.Publish(parser.Parse(new WebhookRequest(delivered.Body, delivered.Headers, delivered.Target)));
        var result = await operation.WaitForCompletionAsync(Ct).WaitAsync(RealTimeGuard, Ct);

        Assert.Equal(operation.Id, result.OperationId);
        Assert.True(Png.HasSignature((await Assert.Single(result.Images).GetBytesAsync(Ct)).Span));
        Assert.Empty(_emulator.RequestsTo("/nano-banana/tasks"));
    }
}
