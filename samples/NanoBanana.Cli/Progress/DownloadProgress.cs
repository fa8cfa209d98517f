namespace NanoBanana.Cli.Progress;

/// <summary>
/// Shows image downloads: on a terminal a bar in bytes when the server sent the length, or the bytes so far when it did
/// not; otherwise one line as each download starts.
/// </summary>
internal sealed class DownloadProgress : IDisposable
{
    // Without a length there is no percentage to change, so redraw per quarter megabyte rather than per read.
    private const long UnknownLengthStep = 256 * 1024;

    private readonly TextWriter _error;
    private readonly ProgressBar? _bar;
    private readonly int _imageCount;
    private int _number;
    private long? _totalBytes;
    private long _drawnBytes;
    private int? _drawnPercent;

    public DownloadProgress(TextWriter error, bool bars, int imageCount)
    {
        _error = error;
        _bar = bars ? new ProgressBar(error) : null;
        _imageCount = imageCount;
    }

    /// <summary>A download begins.</summary>
    /// <param name="number">The image's number, from 1.</param>
    /// <param name="totalBytes">Its length, when the server sent it.</param>
    public void Start(int number, long? totalBytes)
    {
        _number = number;
        _totalBytes = totalBytes is > 0 ? totalBytes : null;
        _drawnBytes = 0;
        _drawnPercent = null;
        if (_bar is null)
        {
            var size = _totalBytes is { } total ? $" ({ProgressText.Size(total)})" : string.Empty;
            _error.WriteLine($"  downloading image {number} of {_imageCount}{size}");
            return;
        }

        Draw(0);
    }

    /// <summary>The download has received <paramref name="receivedBytes"/> so far.</summary>
    public void Advance(long receivedBytes)
    {
        if (_bar is null)
        {
            return;
        }

        var changed = _totalBytes is { } total
            ? Percent(receivedBytes, total) != _drawnPercent
            : receivedBytes - _drawnBytes >= UnknownLengthStep;
        if (changed)
        {
            Draw(receivedBytes);
        }
    }

    /// <summary>The download finished; its line makes way for the result.</summary>
    public void Finish() => _bar?.Clear();

    public void Dispose() => _bar?.Dispose();

    private void Draw(long receivedBytes)
    {
        _drawnBytes = receivedBytes;
        var label = $"image {_number} of {_imageCount}: {ProgressText.Size(receivedBytes)}";
        if (_totalBytes is { } total)
        {
            _drawnPercent = Percent(receivedBytes, total);
            _bar!.Draw(_drawnPercent, $"{label} of {ProgressText.Size(total)}");
        }
        else
        {
            _bar!.Draw(null, $"downloading {label}");
        }
    }

    private static int Percent(long received, long total) => (int)Math.Min(100, received * 100 / total);
}
