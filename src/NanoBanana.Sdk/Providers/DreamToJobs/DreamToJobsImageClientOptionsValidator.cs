using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>Checks <see cref="DreamToJobsImageClientOptions"/> at start, with messages that name the setting.</summary>
public sealed class DreamToJobsImageClientOptionsValidator : IValidateOptions<DreamToJobsImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DreamToJobsImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "DreamToJobs" : $"DreamToJobs client '{name}'";

        if (options.BaseAddress is null)
        {
            failures.Add(
                $"{label}: BaseAddress is not set. DreamTo's public docs show only an internal host (https://backend:8000), so there is no default: " +
                "set NanoBanana:DreamToJobs:BaseAddress (or the section you bound) to the API origin of your DreamTo account.");
        }
        else if (!options.BaseAddress.IsAbsoluteUri || (options.BaseAddress.Scheme != Uri.UriSchemeHttps && options.BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{label}: BaseAddress must be an absolute http(s) URL (was '{options.BaseAddress.OriginalString}').");
        }

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add($"{label}: ApiKey is not set. Set NanoBanana:DreamToJobs:ApiKey (or the section you bound) or the DREAMTO_API_KEY environment variable.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultModel))
        {
            failures.Add($"{label}: DefaultModel must not be empty (the vendor documents {DreamToJobsImageClientOptions.NanoBananaPro}).");
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
                failures.Add($"{label}: {setting} must be positive (was {value}).");
            }
        }

        if (options.Resilience.MaxRetryAttempts < 0)
        {
            failures.Add($"{label}: Resilience:MaxRetryAttempts must not be negative.");
        }

        if (options.Webhooks.MaxBodyBytes <= 0)
        {
            failures.Add($"{label}: Webhooks:MaxBodyBytes must be positive (was {options.Webhooks.MaxBodyBytes}).");
        }

        if (options.Webhooks.Secrets.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{label}: Webhooks:Secrets must not contain empty secrets.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
