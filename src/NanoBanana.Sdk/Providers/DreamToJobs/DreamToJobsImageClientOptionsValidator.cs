using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// Checks <see cref="DreamToJobsImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:DreamToJobs:BaseAddress</c>), or <c>NanoBanana:DreamToJobs</c> when configured in code.
/// </summary>
public sealed class DreamToJobsImageClientOptionsValidator : IValidateOptions<DreamToJobsImageClientOptions>
{
    private const string DefaultSection = "NanoBanana:DreamToJobs";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DreamToJobsImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "DreamToJobs" : $"DreamToJobs client '{name}'";
        var prefix = $"{label}: {options.ConfigurationPath ?? DefaultSection}";

        if (options.BaseAddress is null)
        {
            failures.Add(
                $"{prefix}:BaseAddress is not set. DreamTo's public docs show only an internal host (https://backend:8000), so there is no default: " +
                "set it to the API origin of your DreamTo account.");
        }
        else if (!options.BaseAddress.IsAbsoluteUri || (options.BaseAddress.Scheme != Uri.UriSchemeHttps && options.BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{prefix}:BaseAddress must be an absolute http(s) URL (was '{options.BaseAddress.OriginalString}').");
        }

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add(
                $"{prefix}:ApiKey is not set. Set it, or the environment variable " +
                $"{string.Join(", ", DreamToJobsImageClientOptions.ApiKeyEnvironmentVariables)}.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultModel))
        {
            failures.Add($"{prefix}:DefaultModel must not be empty (the vendor documents {DreamToJobsImageClientOptions.NanoBananaPro}).");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.SubmitTimeout), options.SubmitTimeout),
            (nameof(options.ReadTimeout), options.ReadTimeout),
            (nameof(options.UploadTimeout), options.UploadTimeout),
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
