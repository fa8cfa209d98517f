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

    /// <summary>The providers whose vendor lists its models.</summary>
    public static IEnumerable<string> WithModels => Entries.Values.Where(entry => entry.ListModels is not null).Select(entry => entry.Name);

    /// <summary>The providers whose vendor reports a credit balance.</summary>
    public static IEnumerable<string> WithCredits => Entries.Values.Where(entry => entry.ReadCredits is not null).Select(entry => entry.Name);

    /// <summary>Finds a provider; an unknown name is a usage error that lists the known ones.</summary>
    public static ProviderEntry Get(string name) => Entries.TryGetValue(name, out var entry)
        ? entry
        : throw new ArgumentException($"Unknown provider '{name}'. Known providers: {string.Join(", ", Names)}.");

    /// <summary>The error for a command the vendor has no call for; it names the providers that do have one.</summary>
    /// <param name="command">The command, for example <c>credits</c>.</param>
    /// <param name="provider">The chosen provider.</param>
    /// <param name="reason">What the vendor lacks, for example "has no balance call".</param>
    /// <param name="alternatives">The providers the command works with, when worth listing.</param>
    public static NotSupportedException NotAvailable(string command, ProviderEntry provider, string reason, IEnumerable<string>? alternatives = null) =>
        new($"'{command}' is not available with provider '{provider.Name}': the vendor {reason}." +
            (alternatives is null ? string.Empty : $" It works with: {string.Join(", ", alternatives)}."));
}
