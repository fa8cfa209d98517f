using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>The tasks of one emulator, by id.</summary>
internal sealed class AceDataTaskStore
{
    private readonly ConcurrentDictionary<string, StoredTask> _tasks = new(StringComparer.Ordinal);

    public void Add(StoredTask task)
    {
        if (!_tasks.TryAdd(task.Id, task))
        {
            throw new InvalidOperationException($"A task with id '{task.Id}' already exists.");
        }
    }

    public bool TryGet(string id, [NotNullWhen(true)] out StoredTask? task) => _tasks.TryGetValue(id, out task);
}
