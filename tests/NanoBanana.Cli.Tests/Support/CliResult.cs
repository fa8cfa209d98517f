using System.Text.Json;

namespace NanoBanana.Cli.Tests.Support;

/// <summary>What one CLI run left behind.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Everything written to stdout.</param>
/// <param name="Stderr">Everything written to stderr.</param>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// Stdout parsed as one JSON document; parsing fails on anything before or after it, so this also proves stdout
    /// held nothing else.
    /// </summary>
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement.Clone();

    /// <summary>The <c>error</c> object of a JSON error document.</summary>
    public JsonElement JsonError => Json.GetProperty("error");
}
