using System.Buffers;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// A resumable upload between <c>start</c> and <c>finalize</c>: the metadata given at start and the bytes received
/// so far. Chunks must arrive in order (each <c>X-Goog-Upload-Offset</c> equals the bytes received so far).
/// </summary>
internal sealed class UploadSession(string id, string? displayName, string mimeType, long? declaredLength)
{
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _received = new();

    public string Id { get; } = id;

    public string? DisplayName { get; } = displayName;

    public string MimeType { get; } = mimeType;

    /// <summary>The size announced in <c>X-Goog-Upload-Header-Content-Length</c>, if any.</summary>
    public long? DeclaredLength { get; } = declaredLength;

    public long ReceivedLength
    {
        get { lock (_gate) { return _received.WrittenCount; } }
    }

    /// <summary>Appends a chunk that starts at <paramref name="offset"/>; false when that is not where the upload stands.</summary>
    public bool TryAppend(long offset, ReadOnlySpan<byte> chunk)
    {
        lock (_gate)
        {
            if (offset != _received.WrittenCount)
            {
                return false;
            }

            _received.Write(chunk);
            return true;
        }
    }

    /// <summary>A copy of everything received.</summary>
    public byte[] Content()
    {
        lock (_gate) { return _received.WrittenSpan.ToArray(); }
    }
}
