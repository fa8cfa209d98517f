using NanoBanana.Sdk;

namespace NanoBanana.Cli.Progress;

/// <summary>
/// Shows a job being polled to its end: on a terminal a bar when the vendor reports a percentage, and the time waited
/// either way; otherwise one line per poll.
/// </summary>
internal sealed class WaitProgress : IDisposable
{
    private readonly TextWriter _error;
    private readonly ProgressBar? _bar;
    private readonly TimeProvider _time;
    private readonly long _started;

    public WaitProgress(TextWriter error, bool bars, TimeProvider time)
    {
        _error = error;
        _bar = bars ? new ProgressBar(error) : null;
        _time = time;
        _started = time.GetTimestamp();
    }

    public void Report(ImageGenerationUpdate update)
    {
        (string? Status, int? Percent) state = update switch
        {
            ImageGenerationProgressUpdate progress => (progress.Status.Value, progress.Percent),
            ImageGenerationCompletedUpdate => (ImageGenerationStatus.Succeeded.Value, 100),
            _ => (null, null),
        };
        if (state.Status is null)
        {
            return;
        }

        // The first update is the state before any poll: what the submit (or the first read) said.
        var step = update.SequenceNumber == 0 ? "status" : $"poll {update.SequenceNumber}";
        var elapsed = ProgressText.Seconds(_time.GetElapsedTime(_started));
        if (_bar is null)
        {
            _error.WriteLine($"  {step}: {state.Status}{(state.Percent is { } percent ? $" {percent}%" : string.Empty)} ({elapsed})");
            return;
        }

        var poll = update.SequenceNumber == 0 ? string.Empty : $", {step}";
        _bar.Draw(state.Percent, $"{state.Status}{poll}, {elapsed} elapsed");
    }

    public void Dispose() => _bar?.Dispose();
}
