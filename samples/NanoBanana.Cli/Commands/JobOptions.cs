using System.CommandLine;
using System.CommandLine.Parsing;

namespace NanoBanana.Cli.Commands;

/// <summary>The options of commands that wait for a job and download its images (<c>generate</c> and <c>poll</c>).</summary>
internal sealed class JobOptions
{
    // One hour bounds the value well inside TimeSpan's range and far beyond any sane cadence.
    private const double MaxPollIntervalSeconds = 3600;

    public JobOptions()
    {
        PollInterval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } seconds && !(seconds > 0 && seconds <= MaxPollIntervalSeconds))
            {
                result.AddError($"--poll-interval must be more than 0 and at most {MaxPollIntervalSeconds} seconds.");
            }
        });
        MaxPolls.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--max-polls must be at least 1.");
            }
        });
    }

    public Option<bool> Wait { get; } = new("--wait")
    {
        Description = "Poll until the job ends, then download its images.",
    };

    public Option<double?> PollInterval { get; } = new("--poll-interval")
    {
        Description = "Seconds between polls. Default: the vendor's documented cadence (nananobanana: 5 s, then every 3 s); 0.2 s against the emulator.",
        HelpName = "seconds",
    };

    public Option<int?> MaxPolls { get; } = new("--max-polls")
    {
        Description = "Give up (exit 8) after this many polls. Default: no count limit, 10 minutes at most.",
        HelpName = "count",
    };

    public Option<string> DownloadDirectory { get; } = new("--download-dir")
    {
        Description = "Where to save the images.",
        DefaultValueFactory = _ => ImageDownloads.DefaultDirectory,
        HelpName = "dir",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Wait);
        command.Options.Add(PollInterval);
        command.Options.Add(MaxPolls);
        command.Options.Add(DownloadDirectory);
        command.Validators.Add(result =>
        {
            if (!result.GetValue(Wait) && (result.GetValue(PollInterval) is not null || result.GetValue(MaxPolls) is not null))
            {
                result.AddError("--poll-interval and --max-polls apply only with --wait.");
            }
        });
    }

    public bool ReadWait(ParseResult parseResult) => parseResult.GetValue(Wait);

    public PollingChoice ReadPolling(ParseResult parseResult) => new(
        parseResult.GetValue(PollInterval) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        parseResult.GetValue(MaxPolls));

    public string ReadDownloadDirectory(ParseResult parseResult) =>
        parseResult.GetValue(DownloadDirectory) is { Length: > 0 } directory ? directory : ImageDownloads.DefaultDirectory;
}
