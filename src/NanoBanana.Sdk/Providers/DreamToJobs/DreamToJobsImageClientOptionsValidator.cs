using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// Checks <see cref="DreamToJobsImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:DreamToJobs:BaseAddress</c>), or <c>NanoBanana:DreamToJobs</c> when configured in code.
/// </summary>
public sealed class DreamToJobsImageClientOptionsValidator : IValidateOptions<DreamToJobsImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DreamToJobsImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new OptionsChecks("DreamToJobs", name, options.ConfigurationPath);
        ValidateBaseAddress(options.BaseAddress, checks);
        return checks
            .ApiKey(options.ResolveApiKey(), DreamToJobsImageClientOptions.ApiKeyEnvironmentVariables)
            .NotBlank(options.DefaultModel, $"must not be empty (the vendor documents {DreamToJobsImageClientOptions.NanoBananaPro}).")
            .Positive(options.SubmitTimeout).Positive(options.ReadTimeout).Positive(options.UploadTimeout).Positive(options.DownloadTimeout)
            .Polling(options.PollingStrategy)
            .Resilience(options.Resilience)
            .Webhooks(options.Webhooks, "must not contain empty secrets.")
            .Result;
    }

    // There is no default address to suggest, so a missing one gets its own explanation.
    private static void ValidateBaseAddress(Uri? address, OptionsChecks checks)
    {
        if (address is null)
        {
            checks.Fail(
                "BaseAddress is not set. DreamTo's public docs show only an internal host (https://backend:8000), so there is no default: " +
                "set it to the API origin of your DreamTo account.");
        }
        else if (!OptionsChecks.IsHttpUrl(address))
        {
            checks.Fail($"BaseAddress must be an absolute http(s) URL (was '{address.OriginalString}').");
        }
    }
}
