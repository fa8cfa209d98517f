using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Testing;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>
/// Webhook-first, end to end: the emulator delivers a signed callback over HTTP to an app endpoint that verifies it with
/// the registered parser and publishes it to the hub, and the DI-built client's generation completes from it without
/// ever reading the status path.
/// </summary>
public sealed class BananaProWebhookEndToEndTests : IAsyncLifetime
{
    private const string Secret = "whsec_e2e_secret";
    private readonly HttpListener _listener = new();
    private NanoBananaEmulator? _emulator;
    private ServiceProvider? _services;
    private Task? _receiving;
    private int _failFirstAttempts;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NanoBananaEmulator Emulator => _emulator!;

    private ServiceProvider Services => _services!;

    private Uri Endpoint { get; set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await NanoBananaEmulator.StartAsync(cancellationToken: Ct);
        Emulator.Scenario.CompleteAfterPolls = 1000;
        var services = new ServiceCollection();
        services.AddNanoBanana().AddBananaPro(options =>
        {
            options.ApiKey = Emulator.ApiKey;
            options.BaseAddress = Emulator.BananaProBaseAddress;
            options.Webhooks.Secrets.Add(Secret);

            // Polling only as a late fallback, so a completion can only come from the delivery.
            options.PollingStrategy = PollingStrategy.Fixed(TimeSpan.FromMinutes(5));
        });
        _services = services.BuildServiceProvider();

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/hooks/bananapro/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _receiving = ReceiveAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        if (_receiving is not null)
        {
            await _receiving;
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>The app's webhook endpoint: verify and parse with the keyed parser, publish to the hub, answer 200 (401 when rejected).</summary>
    private async Task ReceiveAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            if (Interlocked.Decrement(ref _failFirstAttempts) >= 0)
            {
                context.Response.StatusCode = 500;
            }
            else
            {
                try
                {
                    var parser = Services.GetRequiredKeyedService<IImageGenerationWebhookParser>("bananapro");
                    Services.GetRequiredService<ImageGenerationWebhookHub>().Publish(parser.Parse(new WebhookRequest(body.ToArray(), headers, context.Request.Url)));
                    context.Response.StatusCode = 200;
                }
                catch (NanoBananaWebhookException)
                {
                    context.Response.StatusCode = 401;
                }
            }

            context.Response.Close();
        }
    }

    private async Task<ImageGenerationResult> GenerateWithWebhookAsync()
    {
        await Services.GetRequiredKeyedService<BananaProImageClient>("bananapro").CreateWebhookAsync(Endpoint, BananaProWebhookEvents.Default, Secret, Ct);
        var client = Services.GetRequiredService<IImageGenerationClient>();
        return await client.GenerateAsync(TestClients.Request(), Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
    }

    private IEnumerable<RecordedRequest> StatusReads => Emulator.Requests.Where(r => r.Method == "GET" && r.Path.Contains("/api/v1/images/", StringComparison.Ordinal));

    [Fact]
    public async Task A_generation_completes_from_the_signed_delivery_without_reading_the_status_path()
    {
        var result = await GenerateWithWebhookAsync();

        var delivery = await Emulator.WaitForCallbackAsync(c => c.Succeeded, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(Png.HasSignature((await Assert.Single(result.Images).GetBytesAsync(Ct)).Span));
        Assert.Empty(StatusReads);
        Assert.Equal(delivery, Assert.Single(Emulator.Callbacks));
        using var body = System.Text.Json.JsonDocument.Parse(delivery.Body);
        Assert.Equal(result.OperationId, body.RootElement.GetProperty("task_id").GetString());
    }

    [Fact]
    public async Task A_delivery_the_app_failed_to_accept_is_retried_and_then_completes_the_generation()
    {
        _failFirstAttempts = 1;

        await GenerateWithWebhookAsync();
        await Emulator.WaitForCallbackAsync(c => c.Attempt == 2, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal([(1, (int?)500), (2, 200)], Emulator.Callbacks.Select(c => (c.Attempt, c.StatusCode)));
        Assert.Empty(StatusReads);
    }
}
