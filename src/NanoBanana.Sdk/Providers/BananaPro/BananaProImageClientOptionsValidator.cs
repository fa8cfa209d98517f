using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Checks <see cref="BananaProImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:BananaPro:BaseAddress</c>), or <c>NanoBanana:BananaPro</c> when configured in code.
/// </summary>
public sealed class BananaProImageClientOptionsValidator : IValidateOptions<BananaProImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, BananaProImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new OptionsChecks("BananaPro", name, options.ConfigurationPath)
            .ApiKey(options.ResolveApiKey(), BananaProImageClientOptions.ApiKeyEnvironmentVariables)
            .HttpUrl(options.BaseAddress, BananaProImageClientOptions.DefaultBaseAddress)
            .NotBlank(options.DefaultModel, $"must be set (the vendor requires a model), for example {BananaProModels.NanoBanana}.");
        ValidateStatusPath(options.StatusPathTemplate, checks);
        checks.Positive(options.SubmitTimeout).Positive(options.ReadTimeout).Positive(options.DownloadTimeout)
            .Polling(options.PollingStrategy)
            .Resilience(options.Resilience)
            .Webhooks(options.Webhooks, "contains an empty secret; each entry is the secret_key of an account webhook.");

        // The vendor signs its webhooks with a timestamp, so here the tolerance is used and must be positive.
        if (options.Webhooks is not null)
        {
            checks.Positive(options.Webhooks.TimestampTolerance);
        }

        return checks.Result;
    }

    private static void ValidateStatusPath(string? template, OptionsChecks checks)
    {
        if (string.IsNullOrWhiteSpace(template)
            || template.Split(BananaProImageClientOptions.TaskIdPlaceholder).Length != 2
            || template.Contains("://", StringComparison.Ordinal))
        {
            checks.Fail(
                $"StatusPathTemplate must be a path relative to BaseAddress with {BananaProImageClientOptions.TaskIdPlaceholder} once, " +
                $"for example {BananaProImageClientOptions.DefaultStatusPathTemplate} (was '{template}').");
        }
    }
}
