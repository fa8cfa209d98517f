using NanoBanana.Sdk;

namespace NanoBanana.Cli.Progress;

/// <summary>Shows a streamed generation: a bar redrawn per event on a terminal, otherwise one line per event.</summary>
internal sealed class StreamProgress : IDisposable
{
    private readonly TextWriter _error;
    private readonly ProgressBar? _bar;

    public StreamProgress(TextWriter error, bool bars)
    {
        _error = error;
        _bar = bars ? new ProgressBar(error) : null;
    }

    public void Report(ImageGenerationUpdate update)
    {
        (int? Percent, string? Text) shown = update switch
        {
            // The SDK reports the highest percent so far on a heartbeat, since the vendor's heartbeat resets it to 0.
            ImageGenerationProgressUpdate { IsHeartbeat: true } heartbeat => (heartbeat.Percent, "heartbeat: still working"),
            ImageGenerationProgressUpdate progress => (progress.Percent, progress.Message ?? progress.Status.Value),
            ImageGenerationCompletedUpdate => (100, "complete"),
            _ => (null, null),
        };
        if (shown.Text is null)
        {
            return;
        }

        if (_bar is null)
        {
            _error.WriteLine($"  [{ProgressText.PercentColumn(shown.Percent)}] {shown.Text}");
            return;
        }

        _bar.Draw(shown.Percent, shown.Text);
    }

    public void Dispose() => _bar?.Dispose();
}
