using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>Checks <see cref="GeminiImageClientOptions"/> at start, with messages that name the setting.</summary>
public sealed class GeminiImageClientOptionsValidator : IValidateOptions<GeminiImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, GeminiImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "Gemini" : $"Gemini client '{name}'";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add($"{label}: ApiKey is not set. Set NanoBanana:Gemini:ApiKey (or the section you bound) or the GEMINI_API_KEY environment variable.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{label}: BaseAddress must be an absolute http(s) URL, for example {GeminiImageClientOptions.DefaultBaseAddress}.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion) || options.ApiVersion.Contains('/', StringComparison.Ordinal))
        {
            failures.Add($"{label}: ApiVersion must be one path segment such as v1beta (was '{options.ApiVersion}').");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultModel))
        {
            failures.Add($"{label}: DefaultModel must name a model, for example {NanoBananaModel.NanoBanana}.");
        }

        if (!Enum.IsDefined(options.AuthScheme))
        {
            failures.Add($"{label}: AuthScheme must be GoogleApiKey or Bearer (was {options.AuthScheme}).");
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
                failures.Add($"{label}: {setting} must be positive (was {value}).");
            }
        }

        if (options.InlineReferenceLimitBytes <= 0)
        {
            failures.Add($"{label}: InlineReferenceLimitBytes must be positive (was {options.InlineReferenceLimitBytes}).");
        }

        if (options.Resilience is null || options.Resilience.MaxRetryAttempts < 0)
        {
            failures.Add($"{label}: Resilience:MaxRetryAttempts must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
