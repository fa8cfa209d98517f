using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>
/// A minimal app on 127.0.0.1 that receives APIXO callbacks at <c>/hooks/apixo</c>: it answers with the queued status codes
/// (then 200), and hands each body to <c>onCallback</c> (for example a parser and a hub) before answering.
/// </summary>
internal sealed class ApixoCallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;

    private ApixoCallbackReceiver(WebApplication app, ConcurrentQueue<int> answers)
    {
        _app = app;
        _answers = answers;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        CallbackUri = new Uri(address.TrimEnd('/') + "/hooks/apixo");
    }

    /// <summary>Where to point <see cref="ImageGenerationRequest.CallbackUri"/>.</summary>
    public Uri CallbackUri { get; }

    public static async Task<ApixoCallbackReceiver> StartAsync(IEnumerable<int>? answers = null, Action<WebhookRequest>? onCallback = null)
    {
        var queue = new ConcurrentQueue<int>(answers ?? []);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.MapPost("/hooks/apixo", async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var uri = new Uri(context.Request.Scheme + "://" + context.Request.Host + context.Request.Path + context.Request.QueryString);
            onCallback?.Invoke(new WebhookRequest(buffer.ToArray(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), uri));
            context.Response.StatusCode = queue.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ApixoCallbackReceiver(app, queue);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
