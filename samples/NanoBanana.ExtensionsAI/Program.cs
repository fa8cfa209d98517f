// Generates an image and then edits it through Microsoft.Extensions.AI's IImageGenerator, resolved from dependency
// injection and backed by NanoBanana.Sdk's Gemini provider. With no GEMINI_API_KEY set, the in-process emulator
// (NanoBanana.Sdk.Testing) answers on 127.0.0.1, so the whole flow runs offline and still writes real PNG files.
//
//   dotnet run --project samples/NanoBanana.ExtensionsAI -- [output-folder]    (default: ./out)
using System.Drawing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.ExtensionsAI;
using NanoBanana.Sdk;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Testing;

var outputFolder = Path.GetFullPath(args.Length > 0 ? args[0] : "out");
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

await using var emulator = new GeminiImageClientOptions().ResolveApiKey() is null
    ? await NanoBananaEmulator.StartAsync(cancellationToken: cancellation.Token)
    : null;

var services = new ServiceCollection();
services.AddNanoBanana().AddGemini(options =>
{
    if (emulator is not null)
    {
        options.BaseAddress = emulator.GeminiBaseAddress;
        options.ApiKey = emulator.ApiKey;
    }
});
services.AddSingleton(sp => sp.GetRequiredService<IImageGenerationClient>().AsIImageGenerator(NanoBananaModel.NanoBanana2.Value));
await using var provider = services.BuildServiceProvider();

var generator = provider.GetRequiredService<IImageGenerator>();
var metadata = generator.GetRequiredService<ImageGeneratorMetadata>();
Console.WriteLine($"IImageGenerator over {metadata.ProviderName}, model {metadata.DefaultModelId}");
Console.WriteLine(emulator is null
    ? "Using GEMINI_API_KEY: requests go to the real vendor and are billed."
    : $"No GEMINI_API_KEY: the emulator at {emulator.BaseAddress} answers with synthetic images.");

// A pixel size becomes the closest aspect ratio and resolution tier the provider supports (here 16:9 at 1K);
// Data asks for bytes even from providers that answer with URLs.
var options = new ImageGenerationOptions { ImageSize = new Size(1024, 576), ResponseFormat = ImageGenerationResponseFormat.Data };

try
{
    const string Prompt = "a watercolor fox in a snowy forest";
    var created = await generator.GenerateImagesAsync(Prompt, options, cancellation.Token);
    var fox = await ImageFiles.SaveFirstAsync(created, Path.Combine(outputFolder, "fox"), cancellation.Token);
    Console.WriteLine($"generate \"{Prompt}\" at {options.ImageSize.Value.Width}x{options.ImageSize.Value.Height}: {ImageFiles.Describe(fox, created)}");

    const string EditPrompt = "the same fox at night under the northern lights";
    var edited = await generator.EditImageAsync(fox.Content, EditPrompt, options, cancellation.Token);
    var night = await ImageFiles.SaveFirstAsync(edited, Path.Combine(outputFolder, "fox-night"), cancellation.Token);
    Console.WriteLine($"edit \"{EditPrompt}\": {ImageFiles.Describe(night, edited)}");
    return 0;
}
catch (NanoBananaException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
