namespace NanoBanana.Sdk.Testing.Recording;

/// <summary>The thread-safe, ordered log of every request the emulator received.</summary>
internal sealed class RequestRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public void Add(RecordedRequest request)
    {
        lock (_gate) { _requests.Add(request); }
    }

    public RecordedRequest[] Snapshot()
    {
        lock (_gate) { return [.. _requests]; }
    }

    public void Clear()
    {
        lock (_gate) { _requests.Clear(); }
    }
}
