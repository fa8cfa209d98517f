using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// Checks <see cref="ApixoImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:Apixo:BaseAddress</c>), or <c>NanoBanana:Apixo</c> when configured in code.
/// </summary>
public sealed class ApixoImageClientOptionsValidator : IValidateOptions<ApixoImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ApixoImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new OptionsChecks("Apixo", name, options.ConfigurationPath)
            .ApiKey(options.ResolveApiKey(), ApixoImageClientOptions.ApiKeyEnvironmentVariables)
            .HttpUrl(options.BaseAddress, ApixoImageClientOptions.DefaultBaseAddress);
        if (options.DefaultModel is { } model && !ApixoModels.IsValidId(model))
        {
            checks.Fail($"DefaultModel '{model}' is not a model id (letters, digits, '.', '_' and '-'), for example {ApixoModels.NanoBanana}.");
        }

        if (options.RoutingStrategy is { } routing && !ApixoRoutingStrategies.IsKnown(routing))
        {
            checks.Fail(
                $"RoutingStrategy must be {ApixoRoutingStrategies.Auto}, {ApixoRoutingStrategies.Value} or " +
                $"{ApixoRoutingStrategies.Official} (was '{routing}'), or unset.");
        }

        return checks
            .Positive(options.SubmitTimeout).Positive(options.ReadTimeout).Positive(options.DownloadTimeout)
            .Polling(options.PollingStrategy)
            .Resilience(options.Resilience)
            .Webhooks(options.Webhooks, "contains an empty secret.")
            .Result;
    }
}
