using System.CommandLine;
using NanoBanana.Cli.Output;
using NanoBanana.Sdk;

namespace NanoBanana.Cli.Commands;

/// <summary><c>generate</c>: one request through the common contract, in the mode asked for, then the images saved.</summary>
internal static class GenerateCommand
{
    private const string Sync = "sync";
    private const string Stream = "stream";
    private const string Async = "async";

    public static Command Create(CommandRunner runner)
    {
        var prompt = new Option<string>("--prompt", "-p") { Description = "What to draw.", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "A model id from 'nanobanana models'. Default: the vendor's." };
        var aspectRatio = new Option<string?>("--aspect-ratio")
        {
            Description = "The image shape, e.g. 1:1, 16:9, 9:16 or auto. Default: the vendor's.",
            HelpName = "ratio",
        };
        var resolution = new Option<string?>("--resolution") { Description = "The size tier. Default: 1K." };
        resolution.AcceptOnlyFromAmong("512", "1K", "2K", "4K");
        var referenceImages = new Option<string[]>("--reference-image-url")
        {
            Description = "A public http(s) URL of a reference image, for image-to-image; repeat for several.",
            HelpName = "url",
        };
        var referenceFiles = new Option<string[]>("--reference-image")
        {
            Description = "A local reference image file (PNG, JPEG or WebP), for providers that take image bytes; repeat for several.",
            HelpName = "file",
        };
        var mode = new Option<string>("--mode")
        {
            Description = "sync: wait for the result in one call; stream: show progress as it happens; async: submit, print the job id, and poll with --wait.",
            DefaultValueFactory = _ => Sync,
        };
        mode.AcceptOnlyFromAmong(Sync, Stream, Async);
        RejectBlank(model);
        RejectBlank(aspectRatio);
        var job = new JobOptions();

        var command = new Command(
            "generate",
            "Generate an image and save it. Every provider, in every mode (a vendor without the mode natively gets it emulated).\n" +
            "Example: nanobanana generate --prompt \"a watercolor fox\" --mode async --wait --json")
        {
            prompt, model, aspectRatio, resolution, referenceImages, referenceFiles, mode,
        };
        job.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(job.Wait) && result.GetValue(mode) != Async)
            {
                result.AddError("--wait applies only with --mode async (sync and stream already wait).");
            }
        });

        command.SetAction((parseResult, cancellationToken) => runner.RunAsync(parseResult, async (session, output, ct) =>
        {
            var request = new ImageGenerationRequest
            {
                Prompt = parseResult.GetRequiredValue(prompt),
                Model = parseResult.GetValue(model) is { } modelId ? new NanoBananaModel(modelId) : default(NanoBananaModel?),
                AspectRatio = parseResult.GetValue(aspectRatio) is { } ratio ? new AspectRatio(ratio) : default(AspectRatio?),
                Resolution = parseResult.GetValue(resolution) is { } size ? new ImageResolution(size) : default(ImageResolution?),
                InputImages =
                [
                    .. (parseResult.GetValue(referenceImages) ?? []).Select(url => ImageInput.FromUri(url)),
                    .. (parseResult.GetValue(referenceFiles) ?? []).Select(path => ImageInput.FromFile(path)),
                ],
            };
            var directory = job.ReadDownloadDirectory(parseResult);

            switch (parseResult.GetRequiredValue(mode))
            {
                case Stream:
                    await StreamAsync(session, request, directory, output, ct).ConfigureAwait(false);
                    break;
                case Async:
                    var polling = job.ReadWait(parseResult) ? job.ReadPolling(parseResult) : null;
                    await SubmitAsync(session, request, polling, directory, output, ct).ConfigureAwait(false);
                    break;
                default:
                    output.Status(session.Client.Capabilities.NativeSync
                        ? $"generating with {session.Client.ProviderName} (sync: one call, usually 10-60 s)..."
                        : $"generating with {session.Client.ProviderName} (submit, then poll until done)...");
                    var result = await session.Client.GenerateAsync(request, ct).ConfigureAwait(false);
                    await GenerationReport.SaveAndReportAsync(result, session.Provider.Name, directory, output, ct).ConfigureAwait(false);
                    break;
            }
        }, cancellationToken));
        return command;
    }

    // The SDK would reject a blank value too, but without naming the option it came from.
    private static void RejectBlank(Option<string?> option) => option.Validators.Add(result =>
    {
        if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
        {
            result.AddError($"{option.Name} must not be empty.");
        }
    });

    private static async Task StreamAsync(
        ClientSession session, ImageGenerationRequest request, string directory, CommandOutput output, CancellationToken cancellationToken)
    {
        output.Status($"generating with {session.Client.ProviderName} (stream)...");
        ImageGenerationResult? result = null;
        using (var progress = output.StreamProgress())
        {
            await foreach (var update in session.Client.GenerateStreamingAsync(request, cancellationToken).ConfigureAwait(false))
            {
                session.CurrentOperationId ??= update.OperationId;
                progress.Report(update);
                if (update is ImageGenerationCompletedUpdate completed)
                {
                    result = completed.Result;
                }
            }
        }

        // The stream ends with exactly one completed update, or throws.
        await GenerationReport.SaveAndReportAsync(result!, session.Provider.Name, directory, output, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="polling">How to wait; <see langword="null"/> when the user did not ask to wait.</param>
    private static async Task SubmitAsync(
        ClientSession session, ImageGenerationRequest request, PollingChoice? polling, string directory, CommandOutput output, CancellationToken cancellationToken)
    {
        var operation = await session.Client.StartGenerationAsync(request, cancellationToken).ConfigureAwait(false);
        session.CurrentOperationId = operation.Id;

        // A vendor without jobs answers the submit with the finished image, which no later poll could read back: save it now.
        if (operation.HasCompleted)
        {
            await GenerationReport.SaveAndReportAsync(operation.Value, session.Provider.Name, directory, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (polling is null)
        {
            GenerationReport.ReportSubmitted(operation, session.Provider.Name, output);
            return;
        }

        var strategy = polling.ApplyTo(session.DefaultPolling);
        await OperationWaiter.WaitAndSaveAsync(operation, strategy, session.Provider.Name, directory, output, cancellationToken).ConfigureAwait(false);
    }
}
