namespace NanoBanana.Sdk.DependencyInjection;

/// <summary>The provider names registered, in order; the first is the default unless one is set.</summary>
internal sealed class NanoBananaClientRegistry
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public string? DefaultName
    {
        get => field ?? _names.FirstOrDefault();
        set;
    }

    public static string HttpClientName(string name) => "NanoBanana." + name;

    public void Add(string name)
    {
        if (_names.Contains(name, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"A NanoBanana provider named '{name}' is already registered; give each registration its own name.");
        }

        _names.Add(name);
    }
}
