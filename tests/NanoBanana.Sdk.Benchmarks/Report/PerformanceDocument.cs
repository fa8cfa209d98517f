namespace NanoBanana.Sdk.Benchmarks.Report;

/// <summary>Puts the latest results into <c>docs/performance.md</c> between two markers, leaving the rest of the page as it is.</summary>
internal static class PerformanceDocument
{
    public const string Begin = "<!-- benchmark-results:begin -->";
    public const string End = "<!-- benchmark-results:end -->";

    public static void Update(string path, string results)
    {
        var block = Begin + "\n" + results + End;
        var page = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var start = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? page[..start] + block + page[(end + End.Length)..]
            : page + (page.Length > 0 && !page.EndsWith('\n') ? "\n" : string.Empty) + block + "\n";
        File.WriteAllText(path, updated);
    }
}
