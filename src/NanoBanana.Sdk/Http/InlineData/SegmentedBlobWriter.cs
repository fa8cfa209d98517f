using System.Buffers;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// The fallback when the body length is unknown (chunked encoding): decodes into pooled segments that grow from
/// 16 KiB to 1 MiB, then allocates the blob's exact array once and copies. It costs one copy and, during that copy,
/// twice the blob in memory; a doubling buffer would cost up to three times.
/// </summary>
internal sealed class SegmentedBlobWriter : IBlobWriter
{
    private const int FirstSegment = 16 * 1024;
    private const int LargestSegment = 1024 * 1024;

    private readonly List<(byte[] Array, int Count)> _full = [];
    private byte[]? _current;
    private int _used;
    private int _next = FirstSegment;
    private long _blob;

    public long Length { get; private set; }

    public Span<byte> GetSpan(int minimum)
    {
        if (_current is null || _current.Length - _used < minimum)
        {
            if (_current is not null)
            {
                _full.Add((_current, _used));
            }

            _current = ArrayPool<byte>.Shared.Rent(Math.Max(_next, minimum));
            _used = 0;
            _next = Math.Min(_next * 2, LargestSegment);
        }

        return _current.AsSpan(_used);
    }

    public void Advance(int count)
    {
        _used += count;
        _blob += count;
        Length += count;
    }

    public ReadOnlyMemory<byte> CompleteBlob()
    {
        // The caller's limit keeps a blob far below the largest array.
        var blob = GC.AllocateUninitializedArray<byte>(checked((int)_blob));
        var at = 0;
        foreach (var (array, count) in _full)
        {
            array.AsSpan(0, count).CopyTo(blob.AsSpan(at));
            at += count;
        }

        _current.AsSpan(0, _used).CopyTo(blob.AsSpan(at));
        ReturnSegments();
        _blob = 0;
        return blob;
    }

    public void Dispose() => ReturnSegments();

    private void ReturnSegments()
    {
        foreach (var (array, _) in _full)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _full.Clear();
        if (_current is not null)
        {
            ArrayPool<byte>.Shared.Return(_current);
            _current = null;
            _used = 0;
        }
    }
}
