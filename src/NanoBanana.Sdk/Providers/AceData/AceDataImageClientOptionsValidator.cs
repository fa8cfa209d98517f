using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Checks <see cref="AceDataImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:AceData:BaseAddress</c>), or <c>NanoBanana:AceData</c> when configured in code.
/// </summary>
public sealed class AceDataImageClientOptionsValidator : IValidateOptions<AceDataImageClientOptions>
{
    private const string DefaultSection = "NanoBanana:AceData";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AceDataImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "AceData" : $"AceData client '{name}'";
        var prefix = $"{label}: {options.ConfigurationPath ?? DefaultSection}";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add(
                $"{prefix}:ApiKey is not set. Set it, or one of the environment variables " +
                $"{string.Join(", ", AceDataImageClientOptions.ApiKeyEnvironmentVariables)}.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{prefix}:BaseAddress must be an absolute http(s) URL, for example {AceDataImageClientOptions.DefaultBaseAddress}.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.SyncTimeout), options.SyncTimeout),
            (nameof(options.SubmitTimeout), options.SubmitTimeout),
            (nameof(options.ReadTimeout), options.ReadTimeout),
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

        if (options.Webhooks is null)
        {
            failures.Add($"{prefix}:Webhooks must be set.");
        }
        else
        {
            if (options.Webhooks.MaxBodyBytes <= 0)
            {
                failures.Add($"{prefix}:Webhooks:MaxBodyBytes must be positive (was {options.Webhooks.MaxBodyBytes}).");
            }

            if (options.Webhooks.Secrets.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{prefix}:Webhooks:Secrets must not contain empty secrets.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
