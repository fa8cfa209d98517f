using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>A minimal app on 127.0.0.1 that receives DreamTo callbacks at <c>/hooks/dreamto</c> and hands each one, as received, to a handler.</summary>
internal sealed class DreamToJobsCallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DreamToJobsCallbackReceiver(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        CallbackUri = new Uri(address.TrimEnd('/') + "/hooks/dreamto");
    }

    /// <summary>Where to point <see cref="ImageGenerationRequest.CallbackUri"/>.</summary>
    public Uri CallbackUri { get; }

    /// <summary>Starts the receiver; <paramref name="onCallback"/> runs before the 200 answer.</summary>
    public static async Task<DreamToJobsCallbackReceiver> StartAsync(Action<WebhookRequest> onCallback)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.MapPost("/hooks/dreamto", async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var uri = new Uri(context.Request.Scheme + "://" + context.Request.Host + context.Request.Path + context.Request.QueryString);
            onCallback(new WebhookRequest(buffer.ToArray(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), uri));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new DreamToJobsCallbackReceiver(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
