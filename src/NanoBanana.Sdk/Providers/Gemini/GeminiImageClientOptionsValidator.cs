using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Checks <see cref="GeminiImageClientOptions"/> at start. Each message names the setting by its configuration key: the
/// bound section's path (for example <c>NanoBanana:Gemini:BaseAddress</c>), or <c>NanoBanana:Gemini</c> when configured in code.
/// </summary>
public sealed class GeminiImageClientOptionsValidator : IValidateOptions<GeminiImageClientOptions>
{
    private const string DefaultSection = "NanoBanana:Gemini";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, GeminiImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "Gemini" : $"Gemini client '{name}'";
        var prefix = $"{label}: {options.ConfigurationPath ?? DefaultSection}";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add(
                $"{prefix}:ApiKey is not set. Set it, or one of the environment variables " +
                $"{string.Join(", ", GeminiImageClientOptions.ApiKeyEnvironmentVariables)}.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{prefix}:BaseAddress must be an absolute http(s) URL, for example {GeminiImageClientOptions.DefaultBaseAddress}.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion) || options.ApiVersion.Contains('/', StringComparison.Ordinal))
        {
            failures.Add($"{prefix}:ApiVersion must be one path segment such as v1beta (was '{options.ApiVersion}').");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultModel))
        {
            failures.Add($"{prefix}:DefaultModel must name a model, for example {NanoBananaModel.NanoBanana}.");
        }

        if (!Enum.IsDefined(options.AuthScheme))
        {
            failures.Add($"{prefix}:AuthScheme must be GoogleApiKey or Bearer (was {options.AuthScheme}).");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.RequestTimeout), options.RequestTimeout),
            (nameof(options.StreamIdleTimeout), options.StreamIdleTimeout),
            (nameof(options.ReadTimeout), options.ReadTimeout),
            (nameof(options.UploadTimeout), options.UploadTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{prefix}:{setting} must be positive (was {value}).");
            }
        }

        if (options.InlineReferenceLimitBytes <= 0)
        {
            failures.Add($"{prefix}:InlineReferenceLimitBytes must be positive (was {options.InlineReferenceLimitBytes}).");
        }

        if (options.Resilience is null)
        {
            failures.Add($"{prefix}:Resilience must be set.");
        }
        else
        {
            failures.AddRange(options.Resilience.TimingProblems().Select(problem => $"{prefix}:{problem}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
