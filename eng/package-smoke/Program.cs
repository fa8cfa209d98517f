// The app eng/package-smoke.sh builds from the packed packages: it uses only what a NuGet user gets.
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk;
using NanoBanana.Sdk.Testing;

var outputDirectory = args.Length == 1 ? args[0] : throw new ArgumentException("usage: PackageSmoke <output directory>");

await using var emulator = await NanoBananaEmulator.StartAsync();

var services = new ServiceCollection();
services.AddNanoBanana().AddNanaNanoBanana(options =>
{
    options.BaseAddress = emulator.NanaNanoBananaBaseAddress;
    options.ApiKey = emulator.ApiKey;
});
await using var provider = services.BuildServiceProvider();

var images = provider.GetRequiredService<IImageGenerationClient>();
var result = await images.GenerateAsync(new ImageGenerationRequest { Prompt = "a watercolor fox", AspectRatio = AspectRatio.Square });

var path = Path.Combine(outputDirectory, "fox.png");
await result.Images[0].SaveAsync(path);
Console.WriteLine($"{result.Provider} job {result.OperationId}: saved {path}");
