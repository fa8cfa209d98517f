using System.Diagnostics;
using System.Security.Cryptography;
using NanoBanana.Sdk;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.WebhookReceiver;

/// <summary>
/// With no API key configured: APIXO is registered against the in-process emulator, and one job is started with a
/// callback URL pointing at this app, so the whole loop (submit, vendor callback, verification, completion) runs offline.
/// </summary>
internal static class SelfDemo
{
    public static void AddProvider(NanoBananaBuilder nanoBanana, NanoBananaEmulator emulator) => nanoBanana.AddApixo(options =>
    {
        options.BaseAddress = emulator.ApixoBaseAddress;
        options.ApiKey = emulator.ApiKey;

        // A fresh secret per run: it only has to match between the callback URL the SDK hands out and the parser.
        options.Webhooks.Secrets.Add(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
    });

    public static async Task RunAsync(WebApplication app, NanoBananaEmulator emulator, CancellationToken cancellationToken)
    {
        var callbackUri = new Uri(new Uri(app.Urls.First()), "webhooks/nanobanana/" + ApixoServiceCollectionExtensions.DefaultName);
        var client = app.Services.GetRequiredKeyedService<IImageGenerationClient>(ApixoServiceCollectionExtensions.DefaultName);
        Console.WriteLine("No API key is configured: self-demo against the built-in APIXO emulator.");

        var operation = await client.StartGenerationAsync(
            new ImageGenerationRequest { Prompt = "a watercolor fox", CallbackUri = callbackUri }, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        Console.WriteLine($"Started {operation.Id}; the vendor will call {callbackUri} (plus the SDK's callback token).");

        // APIXO's documented cadence puts the first poll 10 s after the submit, so an earlier result came from the callback.
        var result = await operation.WaitForCompletionAsync(cancellationToken);
        var polls = emulator.Requests.Count(request => request.Path.Contains("/statusTask/", StringComparison.Ordinal));
        Console.WriteLine(
            $"Completed from the webhook {stopwatch.ElapsedMilliseconds} ms after the submit returned, with {polls} status polls: " +
            string.Join(", ", result.Images.Select(image => image.Uri)));

        // The operation completes as soon as the callback is verified; let the app's handlers finish before moving on.
        await emulator.WaitForCallbackAsync(callback => callback.Succeeded, cancellationToken);
    }
}
