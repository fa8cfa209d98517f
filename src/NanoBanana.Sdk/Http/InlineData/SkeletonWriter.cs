using System.Buffers;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// A growable byte buffer on pooled arrays for the skeleton, which is small (a few KB), so growing by copying is
/// cheap. The caller enforces the size limit, because only it knows the position to report.
/// </summary>
internal sealed class SkeletonWriter : IDisposable
{
    private byte[] _buffer = [];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Write(byte value)
    {
        if (Length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> value)
    {
        if (_buffer.Length - Length < value.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_buffer.AsSpan(Length));
        Length += value.Length;
    }

    /// <summary>Drops everything after <paramref name="length"/>, to take back a value that turned out to be a blob.</summary>
    public void Truncate(int length) => Length = length;

    public byte[] ToArray() => Written.ToArray();

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Grow(int needed)
    {
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(_buffer.Length * 2, Length + needed), 4096));
        Written.CopyTo(next);
        Dispose();
        _buffer = next;
    }
}
