using NanoBanana.Cli.Providers;

namespace NanoBanana.Cli;

/// <summary>The vendors <c>--provider</c> accepts: one entry each, looked up by name.</summary>
internal static class ProviderCatalog
{
    public const string DefaultName = NanaNanoBananaProvider.Name;

    private static readonly Dictionary<string, ProviderEntry> Entries = new[]
    {
        NanaNanoBananaProvider.Entry,
        GeminiProvider.Entry,
        AceDataProvider.Entry,
        DreamToJobsProvider.Entry,
        BananaProProvider.Entry,
        ApixoProvider.Entry,
    }.ToDictionary(entry => entry.Name, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Names => Entries.Keys;

    /// <summary>Finds a provider; an unknown name is a usage error that lists the known ones.</summary>
    public static ProviderEntry Get(string name) => Entries.TryGetValue(name, out var entry)
        ? entry
        : throw new ArgumentException($"Unknown provider '{name}'. Known providers: {string.Join(", ", Names)}.");
}
