using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>
/// Checks <see cref="NanaNanoBananaImageClientOptions"/> at start. Each message names the setting by its configuration key:
/// the bound section's path (for example <c>NanoBanana:NanaNanoBanana:BaseAddress</c>), or <c>NanoBanana:NanaNanoBanana</c>
/// when configured in code.
/// </summary>
public sealed class NanaNanoBananaImageClientOptionsValidator : IValidateOptions<NanaNanoBananaImageClientOptions>
{
    private const string DefaultSection = "NanoBanana:NanaNanoBanana";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, NanaNanoBananaImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "NanaNanoBanana" : $"NanaNanoBanana client '{name}'";
        var prefix = $"{label}: {options.ConfigurationPath ?? DefaultSection}";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add(
                $"{prefix}:ApiKey is not set. Set it, or one of the environment variables " +
                $"{string.Join(", ", NanaNanoBananaImageClientOptions.ApiKeyEnvironmentVariables)}.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{prefix}:BaseAddress must be an absolute http(s) URL, for example {NanaNanoBananaImageClientOptions.DefaultBaseAddress}.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.SyncTimeout), options.SyncTimeout),
            (nameof(options.SubmitTimeout), options.SubmitTimeout),
            (nameof(options.ReadTimeout), options.ReadTimeout),
            (nameof(options.StreamIdleTimeout), options.StreamIdleTimeout),
            (nameof(options.DownloadTimeout), options.DownloadTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{prefix}:{setting} must be positive (was {value}).");
            }
        }

        if (options.PollingStrategy is null)
        {
            failures.Add($"{prefix}:PollingStrategy must be set.");
        }
        else
        {
            failures.AddRange(options.PollingStrategy.Problems().Select(problem => $"{prefix}:{problem}"));
        }

        if (options.Resilience is null)
        {
            failures.Add($"{prefix}:Resilience must be set.");
        }
        else
        {
            failures.AddRange(options.Resilience.TimingProblems().Select(problem => $"{prefix}:{problem}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
