namespace NanoBanana.Sdk.Testing.Jobs;

/// <summary>How a job ends, decided when it is created so later scenario changes cannot alter it.</summary>
internal sealed record JobOutcome(IReadOnlyList<Uri> ImageUrls, string? ErrorMessage)
{
    public JobStatus FinalStatus => ErrorMessage is null ? JobStatus.Completed : JobStatus.Failed;

    public static JobOutcome Succeeded(IReadOnlyList<Uri> imageUrls) => new(imageUrls, null);

    public static JobOutcome Failed(string errorMessage) => new([], errorMessage);
}
