using System.Globalization;

namespace NanoBanana.Cli.Progress;

/// <summary>One status line on a terminal, redrawn in place with a carriage return: a bar and percentage when known, then text.</summary>
internal sealed class ProgressBar(TextWriter writer) : IDisposable
{
    private const int BarWidth = 24;

    // Under 80 columns: a line that wraps can no longer be redrawn by returning to its start.
    private const int MaxLineLength = 79;

    private int _shownLength;

    public void Draw(int? percent, string text)
    {
        var line = Printable(percent is { } value
            ? string.Create(CultureInfo.InvariantCulture, $"[{Bar(value)}] {value,3}% {text}")
            : text);
        if (line.Length > MaxLineLength)
        {
            line = line[..MaxLineLength];
        }

        // Padding blanks out whatever a longer previous line left behind.
        writer.Write("\r" + line.PadRight(_shownLength));
        writer.Flush();
        _shownLength = line.Length;
    }

    /// <summary>Removes the line, so what comes next starts on a clean one.</summary>
    public void Clear()
    {
        if (_shownLength > 0)
        {
            writer.Write("\r" + new string(' ', _shownLength) + "\r");
            writer.Flush();
            _shownLength = 0;
        }
    }

    /// <summary>Leaves the last state standing and moves to the next line, so an error or the result does not overwrite it.</summary>
    public void Dispose()
    {
        if (_shownLength > 0)
        {
            writer.WriteLine();
            _shownLength = 0;
        }
    }

    private static string Bar(int percent)
    {
        var filled = Math.Clamp(percent, 0, 100) * BarWidth / 100;
        return new string('#', filled) + new string('-', BarWidth - filled);
    }

    // A vendor message with a newline or an escape sequence would break the in-place redraw.
    private static string Printable(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }
    });
}
