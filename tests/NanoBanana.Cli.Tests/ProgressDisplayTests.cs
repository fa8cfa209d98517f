using NanoBanana.Cli.Progress;
using NanoBanana.Sdk;

namespace NanoBanana.Cli.Tests;

/// <summary>The progress displays: a line redrawn in place on a terminal, plain lines otherwise.</summary>
public sealed class ProgressDisplayTests
{
    [Fact]
    public void On_a_terminal_stream_progress_redraws_one_line_in_place()
    {
        using var error = new StringWriter();
        using (var progress = new StreamProgress(error, bars: true))
        {
            progress.Report(new ImageGenerationProgressUpdate { Percent = 40, Message = "rendering" });
            progress.Report(new ImageGenerationProgressUpdate { Percent = 80, Message = "rendering" });
            Assert.DoesNotContain('\n', error.ToString());
        }

        var output = error.ToString();
        Assert.Equal(2, output.Count(c => c == '\r'));
        Assert.Contains("]  80% rendering", output, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bar_fills_in_proportion_to_the_percentage()
    {
        using var error = new StringWriter();
        using var progress = new StreamProgress(error, bars: true);

        progress.Report(new ImageGenerationProgressUpdate { Percent = 50, Message = "half" });

        Assert.Contains("[" + new string('#', 12) + new string('-', 12) + "]  50% half", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shorter_line_blanks_out_what_the_longer_one_before_it_left()
    {
        using var error = new StringWriter();
        using var progress = new StreamProgress(error, bars: true);

        progress.Report(new ImageGenerationProgressUpdate { Message = "a long vendor message" });
        progress.Report(new ImageGenerationProgressUpdate { Message = "short" });

        Assert.EndsWith("\rshort" + new string(' ', "a long vendor message".Length - "short".Length), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Vendor_text_with_line_breaks_or_escapes_cannot_break_the_redrawn_line()
    {
        using var error = new StringWriter();
        using var progress = new StreamProgress(error, bars: true);

        progress.Report(new ImageGenerationProgressUpdate { Message = "two\nlines\u001b[2J" });

        Assert.Equal("\rtwo lines [2J", error.ToString());
    }

    [Fact]
    public void On_a_terminal_a_download_counts_bytes_against_the_announced_length()
    {
        using var error = new StringWriter();
        using var progress = new DownloadProgress(error, bars: true, imageCount: 2);

        progress.Start(1, totalBytes: 2048);
        progress.Advance(1024);

        Assert.Contains("50% image 1 of 2: 1.0 KB of 2.0 KB", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_a_download_without_a_length_shows_the_bytes_so_far()
    {
        using var error = new StringWriter();
        using var progress = new DownloadProgress(error, bars: true, imageCount: 1);

        progress.Start(1, totalBytes: null);
        progress.Advance(3 * 1024 * 1024);

        Assert.EndsWith("\rdownloading image 1 of 1: 3.0 MB", error.ToString().TrimEnd(' '), StringComparison.Ordinal);
    }

    [Fact]
    public void A_finished_download_clears_its_line_for_the_result()
    {
        using var error = new StringWriter();
        using var progress = new DownloadProgress(error, bars: true, imageCount: 1);

        progress.Start(1, totalBytes: 10);
        progress.Advance(10);
        progress.Finish();

        Assert.EndsWith("\r", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void On_a_terminal_waiting_without_a_percentage_shows_the_time_waited()
    {
        using var error = new StringWriter();
        using var progress = new WaitProgress(error, bars: true, TimeProvider.System);

        progress.Report(new ImageGenerationProgressUpdate { Status = ImageGenerationStatus.Running, SequenceNumber = 2 });

        Assert.Matches(@"^\rrunning, poll 2, \d+\.\d s elapsed$", error.ToString());
    }

    [Fact]
    public void Plain_progress_writes_lines_without_control_characters()
    {
        using var error = new StringWriter();
        using (var stream = new StreamProgress(error, bars: false))
        using (var wait = new WaitProgress(error, bars: false, TimeProvider.System))
        using (var download = new DownloadProgress(error, bars: false, imageCount: 1))
        {
            stream.Report(new ImageGenerationProgressUpdate { Percent = 40, Message = "rendering" });
            wait.Report(new ImageGenerationProgressUpdate { Status = ImageGenerationStatus.Running, Percent = 40, SequenceNumber = 1 });
            download.Start(1, totalBytes: 2048);
            download.Advance(1024);
            download.Finish();
        }

        var lines = error.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("  [ 40%] rendering", lines[0]);
        Assert.StartsWith("  poll 1: running 40% (", lines[1], StringComparison.Ordinal);
        Assert.Equal("  downloading image 1 of 1 (2.0 KB)", lines[2]);
        JsonAssert.NoControlCharacters(error.ToString());
    }
}
