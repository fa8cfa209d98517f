namespace NanoBanana.Cli.Tests.Support;

/// <summary>
/// Clears every provider's API key variable for the whole test run, so a run without <c>--api-key</c> always uses the
/// embedded emulator on 127.0.0.1 and never a real vendor, whatever the developer's shell has set.
/// </summary>
public sealed class NoApiKeys : IDisposable
{
    private readonly Dictionary<string, string?> _previous = ProviderCatalog.Names
        .SelectMany(name => ProviderCatalog.Get(name).ApiKeyEnvironmentVariables)
        .Distinct(StringComparer.Ordinal)
        .ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);

    /// <summary>Clears the variables.</summary>
    public NoApiKeys()
    {
        foreach (var name in _previous.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
