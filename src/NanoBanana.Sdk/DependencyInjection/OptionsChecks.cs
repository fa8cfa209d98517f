using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.DependencyInjection;

/// <summary>
/// Collects what is wrong with one provider's options at start, so the checks every provider shares read the same
/// everywhere and a validator lists only its settings and its own rules. Every failure starts with the registration and the
/// setting's configuration key (for example <c>Provider client 'eu': Tenants:Europe:Provider:BaseAddress</c>).
/// </summary>
/// <remarks>
/// A check names its setting by the expression passed for it: the member path below the options object, with <c>:</c> as
/// in configuration (<c>options.Webhooks.MaxBodyBytes</c> is <c>Webhooks:MaxBodyBytes</c>).
/// </remarks>
internal sealed class OptionsChecks
{
    private readonly List<string> _failures = [];
    private readonly string _prefix;

    /// <summary>Starts the checks of one registration.</summary>
    /// <param name="provider">The provider's name; its default section is <c>NanoBanana:{provider}</c>.</param>
    /// <param name="name">The options name of the registration; empty for the unnamed one.</param>
    /// <param name="configurationPath">The path of the bound section, or <see langword="null"/> when configured in code.</param>
    public OptionsChecks(string provider, string? name, string? configurationPath)
    {
        var label = string.IsNullOrEmpty(name) ? provider : $"{provider} client '{name}'";
        _prefix = $"{label}: {configurationPath ?? $"NanoBanana:{provider}"}";
    }

    /// <summary>Success when no check failed, otherwise every failure in the order found.</summary>
    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL.</summary>
    /// <param name="value">The address to check.</param>
    /// <returns><see langword="true"/> for an absolute http(s) URL.</returns>
    public static bool IsHttpUrl([NotNullWhen(true)] Uri? value) =>
        value is { IsAbsoluteUri: true } && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp);

    /// <summary>Records a failure.</summary>
    /// <param name="problem">The setting's key under the section, then what is wrong with it.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks Fail(string problem)
    {
        _failures.Add($"{_prefix}:{problem}");
        return this;
    }

    /// <summary>Requires a key, from the options or from one of the environment variables read in their place.</summary>
    /// <param name="resolvedKey">The key the options resolve to.</param>
    /// <param name="environmentVariables">The environment variables read when the key is not configured.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks ApiKey(string? resolvedKey, IReadOnlyList<string> environmentVariables)
    {
        if (!string.IsNullOrWhiteSpace(resolvedKey))
        {
            return this;
        }

        var variables = environmentVariables.Count == 1 ? "the environment variable" : "one of the environment variables";
        return Fail($"ApiKey is not set. Set it, or {variables} {string.Join(", ", environmentVariables)}.");
    }

    /// <summary>Requires an absolute http(s) URL.</summary>
    /// <param name="value">The configured address.</param>
    /// <param name="example">A valid address to suggest, usually the default.</param>
    /// <param name="setting">The setting, captured from the argument passed for <paramref name="value"/>.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks HttpUrl(Uri? value, Uri example, [CallerArgumentExpression(nameof(value))] string setting = "") =>
        IsHttpUrl(value) ? this : Fail($"{KeyOf(setting)} must be an absolute http(s) URL, for example {example}.");

    /// <summary>Requires a duration above zero.</summary>
    /// <param name="value">The configured duration.</param>
    /// <param name="setting">The setting, captured from the argument passed for <paramref name="value"/>.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string setting = "") =>
        value > TimeSpan.Zero ? this : Fail($"{KeyOf(setting)} must be positive (was {value}).");

    /// <summary>Requires a number above zero.</summary>
    /// <param name="value">The configured number.</param>
    /// <param name="setting">The setting, captured from the argument passed for <paramref name="value"/>.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks Positive(long value, [CallerArgumentExpression(nameof(value))] string setting = "") =>
        value > 0 ? this : Fail($"{KeyOf(setting)} must be positive (was {value}).");

    /// <summary>Requires text that is not blank.</summary>
    /// <param name="value">The configured text.</param>
    /// <param name="requirement">What the setting must be, completing the sentence that starts with its key.</param>
    /// <param name="setting">The setting, captured from the argument passed for <paramref name="value"/>.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks NotBlank(string? value, string requirement, [CallerArgumentExpression(nameof(value))] string setting = "") =>
        string.IsNullOrWhiteSpace(value) ? Fail($"{KeyOf(setting)} {requirement}") : this;

    /// <summary>Requires a polling strategy whose own settings are valid.</summary>
    /// <param name="strategy">The configured strategy.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks Polling(PollingStrategy? strategy) =>
        strategy is null ? Fail("PollingStrategy must be set.") : FailEach(strategy.Problems());

    /// <summary>Requires resilience settings whose retry timing is valid (the request limits are checked per registration).</summary>
    /// <param name="resilience">The configured settings.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks Resilience(NanoBananaResilienceOptions? resilience) =>
        resilience is null ? Fail("Resilience must be set.") : FailEach(resilience.TimingProblems());

    /// <summary>Requires webhook settings with a positive body limit and no blank secret.</summary>
    /// <param name="webhooks">The configured settings.</param>
    /// <param name="emptySecretProblem">What to say after <c>Webhooks:Secrets</c> when a secret is blank.</param>
    /// <returns>These checks, to go on.</returns>
    public OptionsChecks Webhooks(NanoBananaWebhookOptions? webhooks, string emptySecretProblem)
    {
        if (webhooks is null)
        {
            return Fail("Webhooks must be set.");
        }

        Positive(webhooks.MaxBodyBytes, "Webhooks:MaxBodyBytes");
        return webhooks.Secrets.Any(string.IsNullOrWhiteSpace) ? Fail($"Webhooks:Secrets {emptySecretProblem}") : this;
    }

    // "options.Webhooks.MaxBodyBytes" is the setting Webhooks:MaxBodyBytes; a key passed as is has no dot and stays as it is.
    private static string KeyOf(string setting) => setting[(setting.IndexOf('.', StringComparison.Ordinal) + 1)..].Replace('.', ':');

    private OptionsChecks FailEach(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            Fail(problem);
        }

        return this;
    }
}
