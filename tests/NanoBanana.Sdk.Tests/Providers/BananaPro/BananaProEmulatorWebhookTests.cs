using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>
/// The emulator's account webhooks: registration, and real signed deliveries with retries. Each test has its own
/// emulator, since registered webhooks outlive a scenario reset.
/// </summary>
public sealed class BananaProEmulatorWebhookTests : IAsyncLifetime
{
    private const string Secret = "whsec_local_secret";
    private NanoBananaEmulator? _emulator;
    private BananaProImageClient? _client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NanoBananaEmulator Emulator => _emulator!;

    private BananaProImageClient Client => _client!;

    /// <summary>A loopback URL nobody listens on: every attempt fails to connect, so the emulator retries.</summary>
    private static Uri Unreachable(string name = "bananapro")
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hooks/" + name);
    }

    public async ValueTask InitializeAsync()
    {
        _emulator = await NanoBananaEmulator.StartAsync(cancellationToken: Ct);
        _client = new BananaProImageClient(new BananaProImageClientOptions { ApiKey = _emulator.ApiKey, BaseAddress = _emulator.BananaProBaseAddress });
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private async Task<DeliveredCallback> FirstDelivery() =>
        await Emulator.WaitForCallbackAsync(cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

    [Fact]
    public async Task A_registered_webhook_is_listed_without_its_secret_and_can_be_deleted()
    {
        var created = await Client.CreateWebhookAsync(new Uri("http://127.0.0.1:9/hooks"), BananaProWebhookEvents.Default, Secret, Ct);
        var listed = await Client.ListWebhooksAsync(Ct);
        using var http = new HttpClient();
        using var raw = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.BananaProBaseAddress, "api/v1/webhooks"));
        raw.Headers.Authorization = new("Bearer", Emulator.ApiKey);
        var rawList = await (await http.SendAsync(raw, Ct)).Content.ReadAsStringAsync(Ct);
        await Client.DeleteWebhookAsync(created.Id, Ct);

        Assert.Equal(1, created.Id);
        Assert.Equal("active", created.Status);
        var only = Assert.Single(listed);
        Assert.Equal((created.Id, "http://127.0.0.1:9/hooks"), (only.Id, only.Url));
        Assert.Equal(BananaProWebhookEvents.Default, only.Events);
        Assert.DoesNotContain(Secret, rawList, StringComparison.Ordinal);
        Assert.Empty(await Client.ListWebhooksAsync(Ct));
    }

    [Fact]
    public async Task Deleting_an_unknown_webhook_is_a_404()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => Client.DeleteWebhookAsync(42, Ct));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal("not_found", e.ErrorCode);
    }

    [Fact]
    public async Task A_finished_task_is_delivered_in_the_documented_shape_with_a_verifiable_signature()
    {
        var target = Unreachable();
        await Client.CreateWebhookAsync(target, BananaProWebhookEvents.Default, Secret, Ct);

        var operation = await Client.StartGenerationAsync(TestClients.Request(), Ct);
        var delivery = await FirstDelivery();

        using var body = JsonDocument.Parse(delivery.Body);
        var root = body.RootElement;
        Assert.Equal(target, delivery.Target);
        Assert.Equal("job.completed", root.GetProperty("event").GetString());
        Assert.Equal(operation.Id, root.GetProperty("task_id").GetString());
        Assert.Equal("image", root.GetProperty("task_type").GetString());
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(4, root.GetProperty("data").GetProperty("credits_charged").GetInt32());
        Assert.StartsWith(Emulator.BaseAddress.AbsoluteUri, root.GetProperty("data").GetProperty("url").GetString(), StringComparison.Ordinal);
        var timestamp = delivery.Headers["X-Nano-Timestamp"];
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. delivery.Body.ToArray()];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed);
        Assert.Equal(Convert.ToHexStringLower(expected), delivery.Headers["X-Nano-Signature"]);
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public async Task The_delivery_verifies_with_the_sdk_parser_configured_with_the_same_secret()
    {
        await Client.CreateWebhookAsync(Unreachable(), BananaProWebhookEvents.Default, Secret, Ct);
        var options = new BananaProImageClientOptions { ApiKey = "sk-unused" };
        options.Webhooks.Secrets.Add(Secret);

        var operation = await Client.StartGenerationAsync(TestClients.Request(), Ct);
        var delivery = await FirstDelivery();
        var webhookEvent = new BananaProWebhookParser(options).Parse(new(delivery.Body, delivery.Headers));

        Assert.Equal(operation.Id, webhookEvent.OperationId);
        Assert.Equal(ImageGenerationStatus.Succeeded, webhookEvent.Status);
        Assert.True(Png.HasSignature((await Assert.Single(webhookEvent.Result!.Images).GetBytesAsync(Ct)).Span));
    }

    [Fact]
    public async Task An_unreachable_endpoint_gets_three_attempts()
    {
        await Client.CreateWebhookAsync(Unreachable(), BananaProWebhookEvents.Default, Secret, Ct);

        await Client.StartGenerationAsync(TestClients.Request(), Ct);
        await Emulator.WaitForCallbackAsync(c => c.Attempt == 3, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal([1, 2, 3], Emulator.Callbacks.Select(c => c.Attempt));
        Assert.All(Emulator.Callbacks, c => Assert.Null(c.StatusCode));
    }

    [Fact]
    public async Task A_failed_task_is_delivered_as_job_failed_with_its_error()
    {
        Emulator.Scenario.FailJobsWith = "upstream model crashed";
        await Client.CreateWebhookAsync(Unreachable(), BananaProWebhookEvents.Default, Secret, Ct);

        await Client.StartGenerationAsync(TestClients.Request(), Ct);
        using var body = JsonDocument.Parse((await FirstDelivery()).Body);

        Assert.Equal("job.failed", body.RootElement.GetProperty("event").GetString());
        Assert.Equal("failed", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("upstream model crashed", body.RootElement.GetProperty("data").GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_endpoint_subscribed_with_the_task_spelling_receives_that_spelling()
    {
        await Client.CreateWebhookAsync(Unreachable(), [BananaProWebhookEvents.TaskCompleted], Secret, Ct);

        await Client.StartGenerationAsync(TestClients.Request(), Ct);
        using var body = JsonDocument.Parse((await FirstDelivery()).Body);

        Assert.Equal("task.completed", body.RootElement.GetProperty("event").GetString());
    }

    [Fact]
    public async Task An_endpoint_registered_without_a_secret_receives_unsigned_deliveries()
    {
        await Client.CreateWebhookAsync(Unreachable(), BananaProWebhookEvents.Default, cancellationToken: Ct);

        await Client.StartGenerationAsync(TestClients.Request(), Ct);

        Assert.Empty((await FirstDelivery()).Headers);
    }

    [Fact]
    public async Task An_endpoint_not_subscribed_to_the_outcome_receives_nothing()
    {
        Emulator.Scenario.FailJobsWith = "boom";
        var completedOnly = Unreachable("completed-only");
        await Client.CreateWebhookAsync(completedOnly, [BananaProWebhookEvents.JobCompleted], Secret, Ct);
        await Client.CreateWebhookAsync(Unreachable("failed-only"), [BananaProWebhookEvents.JobFailed], Secret, Ct);

        await Client.StartGenerationAsync(TestClients.Request(), Ct);
        var delivered = await FirstDelivery();

        Assert.NotEqual(completedOnly, delivered.Target);
        Assert.DoesNotContain(Emulator.Callbacks, c => c.Target == completedOnly);
    }
}
