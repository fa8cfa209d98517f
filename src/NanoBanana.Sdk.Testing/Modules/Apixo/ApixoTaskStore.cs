using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>The emulator's APIXO tasks, by id.</summary>
internal sealed class ApixoTaskStore
{
    private readonly ConcurrentDictionary<string, ApixoTask> _tasks = new(StringComparer.Ordinal);

    public void Add(ApixoTask task)
    {
        if (!_tasks.TryAdd(task.Id, task))
        {
            throw new InvalidOperationException($"A task with id '{task.Id}' already exists.");
        }
    }

    public bool TryGet(string id, [NotNullWhen(true)] out ApixoTask? task) => _tasks.TryGetValue(id, out task);
}
