namespace NanoBanana.Cli;

/// <summary>Where a run writes: results on <see cref="Out"/>, notices, progress and errors on <see cref="Error"/>.</summary>
/// <param name="Out">Standard output: the results a script reads.</param>
/// <param name="Error">Standard error: everything meant for a person.</param>
/// <param name="ErrorIsTerminal">Whether <see cref="Error"/> is a terminal, so progress may be redrawn in place.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>The process's own streams; progress bars only when stderr is not redirected (CI logs get plain lines).</summary>
    public static CliConsole Process() => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
