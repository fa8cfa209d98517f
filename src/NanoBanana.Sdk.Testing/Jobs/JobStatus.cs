namespace NanoBanana.Sdk.Testing.Jobs;

/// <summary>Where an emulated job is in its life; each vendor module maps this onto its own status words.</summary>
internal enum JobStatus
{
    Processing,
    Completed,
    Failed,
}
