namespace NanoBanana.Cli;

/// <summary>What the run knew when it failed, so the message can say how to carry on.</summary>
internal sealed record ErrorContext(bool Cancelled, bool UsesEmulator, string? OperationId);
