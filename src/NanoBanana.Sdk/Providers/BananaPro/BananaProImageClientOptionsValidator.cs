using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Checks <see cref="BananaProImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:BananaPro:BaseAddress</c>), or <c>NanoBanana:BananaPro</c> when configured in code.
/// </summary>
public sealed class BananaProImageClientOptionsValidator : IValidateOptions<BananaProImageClientOptions>
{
    private const string DefaultSection = "NanoBanana:BananaPro";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, BananaProImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "BananaPro" : $"BananaPro client '{name}'";
        var prefix = $"{label}: {options.ConfigurationPath ?? DefaultSection}";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add(
                $"{prefix}:ApiKey is not set. Set it, or the environment variable " +
                $"{string.Join(", ", BananaProImageClientOptions.ApiKeyEnvironmentVariables)}.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{prefix}:BaseAddress must be an absolute http(s) URL, for example {BananaProImageClientOptions.DefaultBaseAddress}.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultModel))
        {
            failures.Add($"{prefix}:DefaultModel must be set (the vendor requires a model), for example {BananaProModels.NanoBanana}.");
        }

        ValidateStatusPath(options.StatusPathTemplate, prefix, failures);

        foreach (var (setting, value) in new[]
        {
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

        ValidateWebhooks(options.Webhooks, prefix, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateStatusPath(string? template, string prefix, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(template)
            || template.Split(BananaProImageClientOptions.TaskIdPlaceholder).Length != 2
            || template.Contains("://", StringComparison.Ordinal))
        {
            failures.Add(
                $"{prefix}:StatusPathTemplate must be a path relative to BaseAddress with {BananaProImageClientOptions.TaskIdPlaceholder} once, " +
                $"for example {BananaProImageClientOptions.DefaultStatusPathTemplate} (was '{template}').");
        }
    }

    private static void ValidateWebhooks(NanoBananaWebhookOptions? webhooks, string prefix, List<string> failures)
    {
        if (webhooks is null)
        {
            failures.Add($"{prefix}:Webhooks must be set.");
            return;
        }

        if (webhooks.Secrets.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{prefix}:Webhooks:Secrets contains an empty secret; each entry is the secret_key of an account webhook.");
        }

        if (webhooks.MaxBodyBytes <= 0)
        {
            failures.Add($"{prefix}:Webhooks:MaxBodyBytes must be positive (was {webhooks.MaxBodyBytes}).");
        }

        if (webhooks.TimestampTolerance <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:Webhooks:TimestampTolerance must be positive (was {webhooks.TimestampTolerance}).");
        }
    }
}
