using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>Checks <see cref="AceDataImageClientOptions"/> at start, with messages that name the setting.</summary>
public sealed class AceDataImageClientOptionsValidator : IValidateOptions<AceDataImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AceDataImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "AceData" : $"AceData client '{name}'";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add($"{label}: ApiKey is not set. Set NanoBanana:AceData:ApiKey (or the section you bound) or the ACEDATA_API_KEY environment variable.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{label}: BaseAddress must be an absolute http(s) URL, for example {AceDataImageClientOptions.DefaultBaseAddress}.");
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
                failures.Add($"{label}: {setting} must be positive (was {value}).");
            }
        }

        if (options.PollingStrategy is null)
        {
            failures.Add($"{label}: PollingStrategy must be set.");
        }

        if (options.Resilience is null || options.Resilience.MaxRetryAttempts < 0)
        {
            failures.Add($"{label}: Resilience:MaxRetryAttempts must not be negative.");
        }

        if (options.Webhooks is null)
        {
            failures.Add($"{label}: Webhooks must be set.");
        }
        else
        {
            if (options.Webhooks.MaxBodyBytes <= 0)
            {
                failures.Add($"{label}: Webhooks:MaxBodyBytes must be positive (was {options.Webhooks.MaxBodyBytes}).");
            }

            if (options.Webhooks.Secrets.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{label}: Webhooks:Secrets must not contain empty secrets.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
