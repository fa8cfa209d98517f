namespace NanoBanana.Cli.Output;

/// <summary>What any command prints with <c>--json</c> when it fails; the exit code is the same as without <c>--json</c>.</summary>
/// <param name="Error">The failure.</param>
internal sealed record ErrorDocument(ErrorDetails Error);
