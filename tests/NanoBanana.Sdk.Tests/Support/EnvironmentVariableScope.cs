namespace NanoBanana.Sdk.Tests.Support;

/// <summary>Sets (or clears) environment variables for one test and restores the previous values on dispose.</summary>
public sealed class EnvironmentVariableScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    /// <summary>Sets each variable to its value; a null value clears it.</summary>
    /// <param name="values">The variables.</param>
    public EnvironmentVariableScope(params (string Name, string? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>Clears both nananobanana key variables.</summary>
    /// <returns>The scope.</returns>
    public static EnvironmentVariableScope WithoutApiKeyVariables() => new(("NANO_BANANA_API_KEY", null), ("NB_API_KEY", null));

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

/// <summary>Tests that read or change process environment variables; they never run in parallel with anything.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariablesGroup
{
    /// <summary>The collection name.</summary>
    public const string Name = "Environment variables";
}
