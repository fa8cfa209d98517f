using System.Collections.Concurrent;

namespace NanoBanana.Sdk.Benchmarks.Suites;

/// <summary>
/// Why a benchmark case could not run, recorded by its setup before BenchmarkDotNet skips it, so the report can say
/// what failed instead of leaving a gap. The suites run in this process (in-process toolchain), so the run reads it directly.
/// </summary>
internal static class CaseFailures
{
    private static readonly ConcurrentDictionary<string, string> Messages = new(StringComparer.Ordinal);

    /// <summary>Runs a case's check; on failure records the message under <paramref name="key"/> and rethrows, so the case is skipped.</summary>
    public static async Task CheckAsync(string key, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (Exception e)
        {
            Messages[key] = e.Message;
            throw;
        }
    }

    public static string? Find(string key) => Messages.TryGetValue(key, out var message) ? message : null;
}
