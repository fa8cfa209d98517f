using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// Checks <see cref="ApixoImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:Apixo:BaseAddress</c>), or <c>NanoBanana:Apixo</c> when configured in code.
/// </summary>
public sealed class ApixoImageClientOptionsValidator : IValidateOptions<ApixoImageClientOptions>
{
    private const string DefaultSection = "NanoBanana:Apixo";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ApixoImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "Apixo" : $"Apixo client '{name}'";
        var prefix = $"{label}: {options.ConfigurationPath ?? DefaultSection}";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add(
                $"{prefix}:ApiKey is not set. Set it, or the environment variable " +
                $"{string.Join(", ", ApixoImageClientOptions.ApiKeyEnvironmentVariables)}.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{prefix}:BaseAddress must be an absolute http(s) URL, for example {ApixoImageClientOptions.DefaultBaseAddress}.");
        }

        if (options.DefaultModel is { } model && !ApixoModels.IsValidId(model))
        {
            failures.Add($"{prefix}:DefaultModel '{model}' is not a model id (letters, digits, '.', '_' and '-'), for example {ApixoModels.NanoBanana}.");
        }

        if (options.RoutingStrategy is { } routing && !ApixoRoutingStrategies.IsKnown(routing))
        {
            failures.Add(
                $"{prefix}:RoutingStrategy must be {ApixoRoutingStrategies.Auto}, {ApixoRoutingStrategies.Value} or " +
                $"{ApixoRoutingStrategies.Official} (was '{routing}'), or unset.");
        }

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

    private static void ValidateWebhooks(NanoBananaWebhookOptions? webhooks, string prefix, List<string> failures)
    {
        if (webhooks is null)
        {
            failures.Add($"{prefix}:Webhooks must be set.");
            return;
        }

        if (webhooks.Secrets.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{prefix}:Webhooks:Secrets contains an empty secret.");
        }

        if (webhooks.MaxBodyBytes <= 0)
        {
            failures.Add($"{prefix}:Webhooks:MaxBodyBytes must be positive (was {webhooks.MaxBodyBytes}).");
        }
    }
}
