namespace NanoBanana.Cli;

/// <summary>What the run knew when it failed, so the message can say how to carry on.</summary>
/// <param name="Cancelled">The user cancelled (Ctrl+C).</param>
/// <param name="UsesEmulator">The run talked to the built-in emulator.</param>
/// <param name="OperationId">The job the run was working on, if any.</param>
/// <param name="Provider">The <c>--provider</c> name.</param>
internal sealed record ErrorContext(bool Cancelled, bool UsesEmulator, string? OperationId, string Provider);
