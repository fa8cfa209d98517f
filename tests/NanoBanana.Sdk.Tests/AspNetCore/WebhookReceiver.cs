using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.AspNetCore;

/// <summary>A real Kestrel app on 127.0.0.1 with <c>MapNanoBananaWebhooks</c> and the fake parser registered as <c>fake</c>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, FakeWebhookParser parser, ListLoggerProvider logs)
    {
        _app = app;
        Parser = parser;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>The app's root URL.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the app.</summary>
    public HttpClient Client { get; }

    /// <summary>The parser registered as <c>fake</c>.</summary>
    public FakeWebhookParser Parser { get; }

    /// <summary>Everything the app logged.</summary>
    public ListLoggerProvider Logs { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The hub the endpoint publishes to.</summary>
    public ImageGenerationWebhookHub Hub => _app.Services.GetRequiredService<ImageGenerationWebhookHub>();

    /// <summary>The URL of the fake provider's endpoint under the default pattern.</summary>
    public Uri FakeEndpoint => new(BaseAddress, "webhooks/nanobanana/" + FakeWebhookParser.Name);

    /// <summary>Starts the app.</summary>
    /// <param name="configureServices">More registrations (handlers, providers).</param>
    /// <param name="mapEndpoint">Maps the endpoint; <c>app.MapNanoBananaWebhooks()</c> when null.</param>
    /// <param name="timeProvider">The clock registered as <see cref="TimeProvider"/>.</param>
    /// <returns>The running app.</returns>
    public static async Task<WebhookReceiver> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        Action<WebApplication>? mapEndpoint = null,
        TimeProvider? timeProvider = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var logs = new ListLoggerProvider();
        builder.Services.AddLogging(logging => logging.AddProvider(logs));
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        var parser = new FakeWebhookParser();
        builder.Services.AddNanoBanana();
        builder.Services.AddKeyedSingleton<IImageGenerationWebhookParser>(FakeWebhookParser.Name, parser);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        (mapEndpoint ?? (a => a.MapNanoBananaWebhooks()))(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new WebhookReceiver(app, parser, logs);
    }

    /// <summary>Posts raw bytes to the fake provider's endpoint.</summary>
    /// <param name="body">The body.</param>
    /// <param name="eventId">Sent as <c>X-Event</c>.</param>
    /// <param name="operationId">Sent as <c>X-Operation</c>.</param>
    /// <returns>The response.</returns>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string eventId = "event-1", string operationId = "job-1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, FakeEndpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Event", eventId);
        request.Headers.Add("X-Operation", operationId);
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Leaves Ctrl+C and SIGTERM to the test runner.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
