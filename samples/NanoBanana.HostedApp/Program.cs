// A Generic Host app: two providers configured by name from appsettings.json (NanoBanana:NanaNanoBanana and
// NanoBanana:Gemini), a failover client over them, and a hosted service that generates one image, saves it and stops
// the app. With no API key for either provider, the in-process emulator (NanoBanana.Sdk.Testing) answers on 127.0.0.1,
// so it runs offline and still writes a real PNG.
//
//   dotnet run --project samples/NanoBanana.HostedApp -- [--ImageJob:Prompt "a red fox"] [--ImageJob:OutputFolder out]
//   dotnet run --project samples/NanoBanana.HostedApp -- --Emulator:FirstProviderOutOfCredits true   (offline: see the failover)
//
// With real keys, each provider needs its own: NANO_BANANA_API_KEY and GEMINI_API_KEY, or NanoBanana__NanaNanoBanana__ApiKey
// and NanoBanana__Gemini__ApiKey (user secrets or the environment, never appsettings.json). A missing or wrong setting
// stops the app at start with a message that names its configuration key.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NanoBanana.HostedApp;

// appsettings.json sits beside the app, wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Started before the host and disposed after it, so it outlives every request the app makes.
await using var emulator = await OfflineEmulator.StartIfNoKeysAsync(builder.Configuration);

builder.Services.AddNanoBanana()
    .AddNanaNanoBanana(ImageJob.Primary, builder.Configuration.GetSection("NanoBanana:NanaNanoBanana"))
    .AddGemini(ImageJob.Backup, builder.Configuration.GetSection("NanoBanana:Gemini"))
    .AddFailover(ImageJob.Images, ImageJob.Primary, ImageJob.Backup)
    .SetDefault(ImageJob.Images);

builder.Services.Configure<ImageJobOptions>(builder.Configuration.GetSection("ImageJob"));
builder.Services.AddHostedService<ImageJob>();

using var host = builder.Build();
try
{
    await host.RunAsync();
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

return Environment.ExitCode;
