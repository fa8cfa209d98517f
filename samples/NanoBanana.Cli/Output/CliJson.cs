using System.Text.Encodings.Web;
using System.Text.Json;

namespace NanoBanana.Cli.Output;

/// <summary>The contract of the <c>--json</c> documents with escaping relaxed for people and scripts.</summary>
internal static class CliJson
{
    /// <summary>
    /// The documents go to a terminal or a script, never into HTML, so quotes, apostrophes and non-ASCII text stay as
    /// they are instead of becoming <c>\u0022</c>.
    /// </summary>
    public static CliJsonContext Context { get; } =
        new(new JsonSerializerOptions(CliJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
