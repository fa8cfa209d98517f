using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>The module's tasks by id; another vendor's job ids are unknown here, as on the real gateway.</summary>
internal sealed class BananaProTaskStore
{
    private readonly ConcurrentDictionary<string, EmulatedTask> _tasks = new(StringComparer.Ordinal);

    public void Add(EmulatedTask task) => _tasks[task.Job.Id] = task;

    public bool TryGet(string id, [NotNullWhen(true)] out EmulatedTask? task) => _tasks.TryGetValue(id, out task);
}
