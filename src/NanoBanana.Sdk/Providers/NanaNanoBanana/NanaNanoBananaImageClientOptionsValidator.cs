using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>
/// Checks <see cref="NanaNanoBananaImageClientOptions"/> at start. Each message names the setting by its configuration key:
/// the bound section's path (for example <c>NanoBanana:NanaNanoBanana:BaseAddress</c>), or <c>NanoBanana:NanaNanoBanana</c>
/// when configured in code.
/// </summary>
public sealed class NanaNanoBananaImageClientOptionsValidator : IValidateOptions<NanaNanoBananaImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, NanaNanoBananaImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsChecks("NanaNanoBanana", name, options.ConfigurationPath)
            .ApiKey(options.ResolveApiKey(), NanaNanoBananaImageClientOptions.ApiKeyEnvironmentVariables)
            .HttpUrl(options.BaseAddress, NanaNanoBananaImageClientOptions.DefaultBaseAddress)
            .Positive(options.SyncTimeout).Positive(options.SubmitTimeout).Positive(options.ReadTimeout)
            .Positive(options.StreamIdleTimeout).Positive(options.DownloadTimeout)
            .Polling(options.PollingStrategy)
            .Resilience(options.Resilience)
            .Result;
    }
}
