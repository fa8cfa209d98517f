using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>Checks <see cref="BananaProImageClientOptions"/> at start, with messages that name the setting.</summary>
public sealed class BananaProImageClientOptionsValidator : IValidateOptions<BananaProImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, BananaProImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "BananaPro" : $"BananaPro client '{name}'";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add($"{label}: ApiKey is not set. Set NanoBanana:BananaPro:ApiKey (or the section you bound) or the BANANAPRO_API_KEY environment variable.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{label}: BaseAddress must be an absolute http(s) URL, for example {BananaProImageClientOptions.DefaultBaseAddress}.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultModel))
        {
            failures.Add($"{label}: DefaultModel must be set (the vendor requires a model), for example {BananaProModels.NanoBanana}.");
        }

        ValidateStatusPath(options.StatusPathTemplate, label, failures);

        foreach (var (setting, value) in new[]
        {
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

        ValidateWebhooks(options, label, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateStatusPath(string? template, string label, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(template)
            || template.Split(BananaProImageClientOptions.TaskIdPlaceholder).Length != 2
            || template.Contains("://", StringComparison.Ordinal))
        {
            failures.Add(
                $"{label}: StatusPathTemplate must be a path relative to BaseAddress with {BananaProImageClientOptions.TaskIdPlaceholder} once, " +
                $"for example {BananaProImageClientOptions.DefaultStatusPathTemplate} (was '{template}').");
        }
    }

    private static void ValidateWebhooks(BananaProImageClientOptions options, string label, List<string> failures)
    {
        if (options.Webhooks is not { } webhooks)
        {
            failures.Add($"{label}: Webhooks must be set.");
            return;
        }

        if (webhooks.Secrets.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{label}: Webhooks:Secrets contains an empty secret; each entry is the secret_key of an account webhook.");
        }

        if (webhooks.MaxBodyBytes <= 0)
        {
            failures.Add($"{label}: Webhooks:MaxBodyBytes must be positive (was {webhooks.MaxBodyBytes}).");
        }

        if (webhooks.TimestampTolerance <= TimeSpan.Zero)
        {
            failures.Add($"{label}: Webhooks:TimestampTolerance must be positive (was {webhooks.TimestampTolerance}).");
        }
    }
}
