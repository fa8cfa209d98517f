using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Jobs;

/// <summary>The in-memory generation records, by id.</summary>
internal sealed class JobStore
{
    private readonly ConcurrentDictionary<string, EmulatedJob> _jobs = new(StringComparer.Ordinal);

    public void Add(EmulatedJob job)
    {
        if (!_jobs.TryAdd(job.Id, job))
        {
            throw new InvalidOperationException($"A job with id '{job.Id}' already exists.");
        }
    }

    public bool TryGet(string id, [NotNullWhen(true)] out EmulatedJob? job) => _jobs.TryGetValue(id, out job);
}
