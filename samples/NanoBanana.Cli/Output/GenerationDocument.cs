namespace NanoBanana.Cli.Output;

/// <summary>What <c>generate --json</c> and <c>poll --json</c> print: a finished job with its saved files, or a job still running.</summary>
/// <param name="Provider">The <c>--provider</c> name.</param>
/// <param name="OperationId">The job id; null when the vendor gave none.</param>
/// <param name="Status">The job's status: <c>queued</c>, <c>running</c>, <c>succeeded</c>, or a vendor's own value.</param>
/// <param name="Percent">Progress from 0 to 100, where the vendor reports it.</param>
/// <param name="Images">The images: saved files once downloaded, otherwise where the vendor hosts them.</param>
/// <param name="Text">Text the model returned beside the images, if any.</param>
/// <param name="Usage">What the job cost, where the vendor says.</param>
internal sealed record GenerationDocument(
    string Provider,
    string? OperationId,
    string Status,
    int? Percent,
    IReadOnlyList<ImageDocument> Images,
    string? Text,
    UsageDocument? Usage);
