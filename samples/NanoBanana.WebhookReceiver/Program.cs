using NanoBanana.Sdk.Testing;
using NanoBanana.WebhookReceiver;

// --demo: run the offline self-demo, then exit instead of serving on.
var exitAfterDemo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(arg => arg != "--demo").ToArray());

var nanoBanana = builder.Services.AddNanoBanana();
var providers = ConfiguredProviders.Add(nanoBanana, builder.Configuration);
if (exitAfterDemo && providers.Count > 0)
{
    Console.Error.WriteLine("--demo runs against the built-in emulator, which is used only when no API key is configured.");
    return 2;
}

await using var emulator = providers.Count == 0 ? await NanoBananaEmulator.StartAsync() : null;
if (emulator is not null)
{
    SelfDemo.AddProvider(nanoBanana, emulator);
}

builder.Services.AddNanoBananaWebhookHandler<LoggingWebhookHandler>();

var app = builder.Build();

// Vendors POST to /webhooks/nanobanana/{provider}, e.g. /webhooks/nanobanana/apixo. Add .RequireRateLimiting(...) or a
// host filter here as your deployment needs; authentication is the callback's own signature or token.
app.MapNanoBananaWebhooks();

await app.StartAsync();
foreach (var name in providers)
{
    Console.WriteLine($"Receiving {name} callbacks at {app.Urls.First().TrimEnd('/')}/webhooks/nanobanana/{name}");
}

if (emulator is not null)
{
    await SelfDemo.RunAsync(app, emulator, app.Lifetime.ApplicationStopping);
    if (exitAfterDemo)
    {
        await app.StopAsync();
        return 0;
    }

    Console.WriteLine("Still serving; press Ctrl+C to stop.");
}

await app.WaitForShutdownAsync();
return 0;
