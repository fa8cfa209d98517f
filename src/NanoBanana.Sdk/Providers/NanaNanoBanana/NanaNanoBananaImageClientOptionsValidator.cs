using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>Checks <see cref="NanaNanoBananaImageClientOptions"/> at start, with messages that name the setting.</summary>
public sealed class NanaNanoBananaImageClientOptionsValidator : IValidateOptions<NanaNanoBananaImageClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, NanaNanoBananaImageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var label = string.IsNullOrEmpty(name) ? "NanaNanoBanana" : $"NanaNanoBanana client '{name}'";

        if (string.IsNullOrWhiteSpace(options.ResolveApiKey()))
        {
            failures.Add($"{label}: ApiKey is not set. Set NanoBanana:NanaNanoBanana:ApiKey (or the section you bound) or the NANO_BANANA_API_KEY environment variable.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{label}: BaseAddress must be an absolute http(s) URL, for example {NanaNanoBananaImageClientOptions.DefaultBaseAddress}.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.SyncTimeout), options.SyncTimeout),
            (nameof(options.SubmitTimeout), options.SubmitTimeout),
            (nameof(options.ReadTimeout), options.ReadTimeout),
            (nameof(options.StreamIdleTimeout), options.StreamIdleTimeout),
            (nameof(options.DownloadTimeout), options.DownloadTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{label}: {setting} must be positive (was {value}).");
            }
        }

        if (options.Resilience.MaxRetryAttempts < 0)
        {
            failures.Add($"{label}: Resilience:MaxRetryAttempts must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
