namespace NanoBanana.Sdk.Testing.Recording;

/// <summary>The thread-safe, ordered log of every request the emulator received, and of those its endpoints ran.</summary>
internal sealed class RequestRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _handled = [];

    public void Add(RecordedRequest request)
    {
        lock (_gate) { _requests.Add(request); }
    }

    /// <summary>Notes that an endpoint ran the request, rather than a fault answering in its place.</summary>
    public void MarkHandled(RecordedRequest request)
    {
        lock (_gate) { _handled.Add(request); }
    }

    public RecordedRequest[] Snapshot()
    {
        lock (_gate) { return [.. _requests]; }
    }

    public RecordedRequest[] HandledSnapshot()
    {
        lock (_gate) { return [.. _handled]; }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _handled.Clear();
        }
    }
}
