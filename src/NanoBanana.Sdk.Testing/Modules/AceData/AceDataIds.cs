using System.Globalization;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>
/// Makes UUID-shaped task and trace ids, and 24-hex-digit record ids, from counters: runs are reproducible and ids never
/// collide within one emulator. Task and trace ids differ in their fourth group, so one is never mistaken for the other.
/// </summary>
internal sealed class AceDataIds
{
    private long _tasks;
    private long _traces;

    public string NextTask() => Uuid("8a00", Interlocked.Increment(ref _tasks));

    public string NextTrace() => Uuid("9b00", Interlocked.Increment(ref _traces));

    /// <summary>The record's <c>_id</c> (a MongoDB-style object id in the docs' example), derived from its task number.</summary>
    public static string RecordId(string taskId) => "68bc7c3c" + taskId[^12..] + "0000";

    private static string Uuid(string group, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-{group}-{value:x12}");
}
