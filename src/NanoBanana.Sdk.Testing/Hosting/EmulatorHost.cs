using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NanoBanana.Sdk.Testing.Images;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Hosting;

/// <summary>Builds the Kestrel application: loopback on a free port, no configuration sources, no logging providers.</summary>
internal static class EmulatorHost
{
    // Open requests (a long Latency, a stream) are aborted after this instead of holding up disposal.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    public static WebApplication Build(EmulatorState state, IReadOnlyList<IEmulatorModule> modules)
    {
        // The empty builder reads no appsettings or environment variables and adds no console logger,
        // so the embedding app's configuration cannot reshape the emulator and tests stay quiet.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);

        var app = builder.Build();
        app.Use(new RequestRecordingMiddleware(state.Recorder, state.Time).InvokeAsync);
        app.Use(new ScenarioMiddleware(state.Scenario, state.Recorder, modules).InvokeAsync);
        new ImageFileEndpoint(state.Images).Map(app);
        foreach (var module in modules)
        {
            module.Map(app);
        }

        return app;
    }

    /// <summary>Reads the address Kestrel actually bound, port included, as a URL ending in a slash.</summary>
    public static Uri GetBaseAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator's server reported no listening address.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
