using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>This module's jobs by id, apart from other vendors' records so one vendor's ids are unknown to another.</summary>
internal sealed class StoredJobs
{
    private readonly ConcurrentDictionary<string, StoredJob> _jobs = new(StringComparer.Ordinal);

    public void Add(StoredJob job)
    {
        if (!_jobs.TryAdd(job.Job.Id, job))
        {
            throw new InvalidOperationException($"A job with id '{job.Job.Id}' already exists.");
        }
    }

    public bool TryGet(string id, [NotNullWhen(true)] out StoredJob? job) => _jobs.TryGetValue(id, out job);
}
