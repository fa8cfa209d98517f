using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk;

namespace NanoBanana.HostedApp;

/// <summary>
/// Generates one image through the failover client, saves it and stops the app; the exit code says whether it worked.
/// The failover client comes in by its key; the factory lists every registration.
/// </summary>
internal sealed partial class ImageJob(
    [FromKeyedServices(ImageJob.Images)] IImageGenerationClient images,
    IImageGenerationClientFactory factory,
    IOptions<ImageJobOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ImageJob> logger) : BackgroundService
{
    /// <summary>The registration name of the preferred provider.</summary>
    public const string Primary = "nananobanana";

    /// <summary>The registration name of the provider tried when the preferred one takes no job.</summary>
    public const string Backup = "gemini";

    /// <summary>The registration name of the failover client over both.</summary>
    public const string Images = "images";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var name in factory.Names)
            {
                LogRegistered(name, factory.GetClient(name).ProviderName);
            }

            var job = options.Value;
            var result = await images.GenerateAsync(new ImageGenerationRequest { Prompt = job.Prompt, AspectRatio = AspectRatio.Landscape16x9 }, stoppingToken);

            var image = result.Images[0];
            var path = Path.GetFullPath(Path.Combine(job.OutputFolder, $"{result.OperationId ?? "image"}{Extension(image.MediaType)}"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await image.SaveAsync(path, stoppingToken);
            LogSaved(result.Provider, path);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Environment.ExitCode = 130;
        }
        catch (Exception e)
        {
            // A vendor failure (NanoBananaException, with the provider and any job id), bad input, or a save that failed.
            LogFailed(e, e.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private static string Extension(string? mediaType) => mediaType switch
    {
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        _ => ".png",
    };

    [LoggerMessage(1, LogLevel.Information, "Provider {Name}: {ProviderName}")]
    private partial void LogRegistered(string name, string providerName);

    [LoggerMessage(2, LogLevel.Information, "{Provider} generated the image; saved {Path}")]
    private partial void LogSaved(string provider, string path);

    [LoggerMessage(3, LogLevel.Error, "No image: {Reason}")]
    private partial void LogFailed(Exception exception, string reason);
}
