using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NanoBanana.Cli.Progress;

namespace NanoBanana.Cli.Output;

/// <summary>
/// How one command run reports: results as text lines or as one JSON document on stdout, and status and progress on
/// stderr, redrawn in place only on a terminal.
/// </summary>
internal sealed class CommandOutput(CliConsole console, bool json, bool progressBars)
{
    /// <summary>Whether the result is printed as a JSON document instead of text lines.</summary>
    public bool IsJson => json;

    /// <summary>Writes a line of the text result; nothing in JSON mode, where stdout holds only the document.</summary>
    public void Line(string text)
    {
        if (!json)
        {
            console.Out.WriteLine(text);
        }
    }

    /// <summary>Writes a status line for a person on stderr, in both modes.</summary>
    public void Status(string text) => console.Error.WriteLine(text);

    /// <summary>Writes the JSON result; nothing in text mode, where the lines already said it.</summary>
    public void Document<T>(T document, JsonTypeInfo<T> typeInfo)
    {
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(document, typeInfo));
        }
    }

    /// <summary>Progress of a streamed generation.</summary>
    public StreamProgress StreamProgress() => new(console.Error, progressBars);

    /// <summary>Progress of polling a job to its end.</summary>
    public WaitProgress WaitProgress() => new(console.Error, progressBars, TimeProvider.System);

    /// <summary>Progress of downloading the images of a result.</summary>
    public DownloadProgress DownloadProgress(int imageCount) => new(console.Error, progressBars, imageCount);
}
