using System.Diagnostics;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// Decodes every blob of a document into consecutive slices of one array, sized from the body length: one
/// allocation of about the image size, and the blobs handed out are views of it, never copies.
/// </summary>
internal sealed class ArenaBlobWriter(int capacity) : IBlobWriter
{
    private byte[]? _arena;
    private int _start;
    private int _end;

    public long Length => _end;

    public Span<byte> GetSpan(int minimum)
    {
        // Allocated at the first blob, so a body without one costs nothing; uninitialized because only written
        // bytes are ever exposed.
        _arena ??= GC.AllocateUninitializedArray<byte>(capacity);
        if (_arena.Length - _end < minimum)
        {
            // Base64 yields at most 3 bytes per 4 characters, and the reader refuses a body longer than its
            // declared length, so the arena cannot run out.
            throw new UnreachableException("The inline-data arena ran out of room.");
        }

        return _arena.AsSpan(_end);
    }

    public void Advance(int count) => _end += count;

    public ReadOnlyMemory<byte> CompleteBlob()
    {
        var blob = _arena.AsMemory(_start, _end - _start);
        _start = _end;
        return blob;
    }

    public void Dispose()
    {
    }
}
