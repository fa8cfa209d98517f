using NanoBanana.Cli.Output;
using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>Reports a job the same way for <c>generate</c> and <c>poll</c>: text lines, or the JSON document with <c>--json</c>.</summary>
internal static class GenerationReport
{
    /// <summary>Saves the images of a finished job, then reports the files, the text and the cost.</summary>
    public static async Task SaveAndReportAsync(
        ImageGenerationResult result, string provider, string directory, CommandOutput output, CancellationToken cancellationToken)
    {
        var images = await ImageDownloads.SaveAllAsync(result, directory, output, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(result.Text))
        {
            output.Line($"text: {result.Text}");
        }

        if (result.Usage is { CreditsUsed: { } used } usage)
        {
            var remaining = usage.RemainingCredits is { } left ? $", {left} left" : string.Empty;
            output.Line($"credits used: {used}{remaining}");
        }

        output.Document(
            new GenerationDocument(provider, result.OperationId, ImageGenerationStatus.Succeeded.Value, 100, images, result.Text, Usage(result.Usage)),
            CliJson.Context.GenerationDocument);
    }

    /// <summary>Reports a job without downloading it: still running, or finished with its images still at the vendor.</summary>
    public static void ReportUndownloaded(ImageGenerationOperation operation, string provider, CommandOutput output)
    {
        // A failed job: Value throws the SDK's reason, reported with its exit code like any other failure.
        var result = operation.HasCompleted ? operation.Value : null;
        output.Line($"{operation.Id}: {operation.Status}{(operation.Percent is { } percent ? $" {percent}%" : string.Empty)}");
        foreach (var image in result?.Images ?? [])
        {
            output.Line($"image: {image.Uri?.ToString() ?? image.MediaType}");
        }

        output.Line(result is null
            ? $"wait for it with: nanobanana poll --id {operation.Id} --wait"
            : $"download with: nanobanana poll --id {operation.Id} --wait");
        output.Document(Undownloaded(operation, result, provider), CliJson.Context.GenerationDocument);
    }

    /// <summary>Reports a job just submitted and not waited for: its id, and how to pick it up later.</summary>
    public static void ReportSubmitted(ImageGenerationOperation operation, string provider, CommandOutput output)
    {
        output.Line($"operation id: {operation.Id}");
        output.Line($"check on it with: nanobanana poll --id {operation.Id} --wait");
        output.Document(Undownloaded(operation, null, provider), CliJson.Context.GenerationDocument);
    }

    private static GenerationDocument Undownloaded(ImageGenerationOperation operation, ImageGenerationResult? result, string provider) => new(
        provider,
        operation.Id,
        operation.Status.Value,
        operation.Percent,
        [.. (result?.Images ?? []).Select(image => new ImageDocument(null, image.MediaType, null, image.Uri))],
        result?.Text,
        Usage(result?.Usage));

    private static UsageDocument? Usage(ImageGenerationUsage? usage) => usage is null
        ? null
        : new UsageDocument(usage.CreditsUsed, usage.RemainingCredits, usage.InputTokens, usage.OutputTokens, usage.TotalTokens);
}
