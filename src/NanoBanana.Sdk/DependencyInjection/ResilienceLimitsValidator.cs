using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.DependencyInjection;

/// <summary>Checks one registration's concurrency, rate and queue limits at start, so a bad value fails the host, not the first call.</summary>
/// <typeparam name="TOptions">The provider's options type.</typeparam>
internal sealed class ResilienceLimitsValidator<TOptions>(string name, Func<TOptions, NanoBananaResilienceOptions?> resilience) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? optionsName, TOptions options)
    {
        if (!string.Equals(optionsName, name, StringComparison.Ordinal) || resilience(options) is not { } settings)
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = RequestLimiter.Problems(settings).Select(p => $"NanoBanana provider '{name}': {p}").ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
