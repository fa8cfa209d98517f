using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Checks <see cref="GeminiImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:Gemini:BaseAddress</c>), or <c>NanoBanana:Gemini</c> when configured in code.
/// </summary>
public sealed class GeminiImageClientOptionsValidator : IValidateOptions<GeminiImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, GeminiImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new OptionsChecks("Gemini", name, options.ConfigurationPath)
            .ApiKey(options.ResolveApiKey(), GeminiImageClientOptions.ApiKeyEnvironmentVariables)
            .HttpUrl(options.BaseAddress, GeminiImageClientOptions.DefaultBaseAddress);
        if (string.IsNullOrWhiteSpace(options.ApiVersion) || options.ApiVersion.Contains('/', StringComparison.Ordinal))
        {
            checks.Fail($"ApiVersion must be one path segment such as v1beta (was '{options.ApiVersion}').");
        }

        checks.NotBlank(options.DefaultModel, $"must name a model, for example {NanoBananaModel.NanoBanana}.");
        if (!Enum.IsDefined(options.AuthScheme))
        {
            checks.Fail($"AuthScheme must be GoogleApiKey or Bearer (was {options.AuthScheme}).");
        }

        return checks
            .Positive(options.RequestTimeout).Positive(options.StreamIdleTimeout).Positive(options.ReadTimeout).Positive(options.UploadTimeout)
            .Positive(options.InlineReferenceLimitBytes)
            .Resilience(options.Resilience)
            .Result;
    }
}
