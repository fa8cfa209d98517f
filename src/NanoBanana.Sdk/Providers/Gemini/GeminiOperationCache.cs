namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// The Gemini API keeps no jobs, so <see cref="GeminiImageClient.StartGenerationAsync"/> runs the call at once and
/// keeps its outcome here, in this process, so <see cref="GeminiImageClient.GetGenerationAsync"/> can read it back by
/// id from any client. Bounded: the oldest outcome is dropped when a new one would exceed <see cref="Capacity"/>.
/// The ids are random 128-bit values, so holding one is what grants access to its outcome.
/// </summary>
internal static class GeminiOperationCache
{
    /// <summary>How many outcomes are kept; each holds its image in memory.</summary>
    public const int Capacity = 32;

    private const string IdPrefix = "gemini-op-";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, OperationSnapshot> Snapshots = new(StringComparer.Ordinal);
    private static readonly Queue<string> Order = new();

    public static string NewId() => IdPrefix + Guid.NewGuid().ToString("N");

    public static void Add(OperationSnapshot snapshot)
    {
        lock (Gate)
        {
            if (Snapshots.TryAdd(snapshot.Id, snapshot))
            {
                Order.Enqueue(snapshot.Id);
            }

            while (Order.Count > Capacity)
            {
                Snapshots.Remove(Order.Dequeue());
            }
        }
    }

    public static bool TryGet(string id, out OperationSnapshot snapshot)
    {
        lock (Gate)
        {
            return Snapshots.TryGetValue(id, out snapshot!);
        }
    }
}
