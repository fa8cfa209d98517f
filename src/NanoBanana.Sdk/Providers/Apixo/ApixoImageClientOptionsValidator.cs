using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>Checks <see cref="ApixoImageClientOptions"/> at start, with messages that name the setting.</summary>
public sealed class ApixoImageClientOptionsValidator : IValidateOptions<ApixoImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ApixoImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "Apixo" : $"Apixo client '{name}'";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add($"{label}: ApiKey is not set. Set NanoBanana:Apixo:ApiKey (or the section you bound) or the APIXO_API_KEY environment variable.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{label}: BaseAddress must be an absolute http(s) URL, for example {ApixoImageClientOptions.DefaultBaseAddress}.");
        }

        if (options.DefaultModel is { } model && !ApixoModels.IsValidId(model))
        {
            failures.Add($"{label}: DefaultModel '{model}' is not a model id (letters, digits, '.', '_' and '-'), for example {ApixoModels.NanoBanana}.");
        }

        if (options.RoutingStrategy is { } routing && !ApixoRoutingStrategies.IsKnown(routing))
        {
            failures.Add($"{label}: RoutingStrategy must be {ApixoRoutingStrategies.Auto}, {ApixoRoutingStrategies.Value} or {ApixoRoutingStrategies.Official} (was '{routing}'), or unset.");
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

    private static void ValidateWebhooks(ApixoImageClientOptions options, string label, List<string> failures)
    {
        if (options.Webhooks is not { } webhooks)
        {
            failures.Add($"{label}: Webhooks must be set.");
            return;
        }

        if (webhooks.Secrets.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{label}: Webhooks:Secrets contains an empty secret.");
        }

        if (webhooks.MaxBodyBytes <= 0)
        {
            failures.Add($"{label}: Webhooks:MaxBodyBytes must be positive (was {webhooks.MaxBodyBytes}).");
        }
    }
}
