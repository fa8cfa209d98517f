using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Checks <see cref="AceDataImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:AceData:BaseAddress</c>), or <c>NanoBanana:AceData</c> when configured in code.
/// </summary>
public sealed class AceDataImageClientOptionsValidator : IValidateOptions<AceDataImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AceDataImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsChecks("AceData", name, options.ConfigurationPath)
            .ApiKey(options.ResolveApiKey(), AceDataImageClientOptions.ApiKeyEnvironmentVariables)
            .HttpUrl(options.BaseAddress, AceDataImageClientOptions.DefaultBaseAddress)
            .Positive(options.SyncTimeout).Positive(options.SubmitTimeout).Positive(options.ReadTimeout).Positive(options.DownloadTimeout)
            .Polling(options.PollingStrategy)
            .Resilience(options.Resilience)
            .Webhooks(options.Webhooks, "must not contain empty secrets.")
            .Result;
    }
}
