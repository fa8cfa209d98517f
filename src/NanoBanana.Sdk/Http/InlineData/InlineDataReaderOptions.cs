using System.Text;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>Which string properties <see cref="InlineDataJsonReader"/> lifts out as blobs, and the limits that keep hostile input bounded.</summary>
internal sealed class InlineDataReaderOptions
{
    private static readonly string[] DefaultMediaTypePropertyNames = ["mimeType", "mime_type"];

    private readonly byte[][] _blobPropertyNames;
    private byte[][] _mediaTypePropertyNames = Utf8(DefaultMediaTypePropertyNames);

    /// <param name="blobPropertyNames">
    /// Names of the properties that hold base64, such as "data". They match wherever they appear, on the name's raw
    /// bytes: an escaped spelling like "d\u0061ta" does not match, and its value then simply stays in the skeleton.
    /// </param>
    public InlineDataReaderOptions(params string[] blobPropertyNames)
    {
        ArgumentNullException.ThrowIfNull(blobPropertyNames);
        _blobPropertyNames = Utf8(blobPropertyNames);
    }

    /// <summary>
    /// Names of the properties that give a blob's media type; the unescaped value of one that comes before a blob in the
    /// same object is passed to the sink callback. Matched on raw bytes, like the blob names. By default "mimeType" and
    /// its snake_case spelling "mime_type".
    /// </summary>
    public IReadOnlyList<string> MediaTypePropertyNames
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
            _mediaTypePropertyNames = Utf8(value);
        }
    } = DefaultMediaTypePropertyNames;

    /// <summary>
    /// A blob-named string whose raw value is no longer than this stays in the skeleton as ordinary JSON: tiny values
    /// are not worth a blob, and it keeps short non-base64 values that happen to share the name readable.
    /// </summary>
    public int MinBlobLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 256;

    /// <summary>How deep objects and arrays may nest; at most 64, as for System.Text.Json's default.</summary>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 64);
            field = value;
        }
    } = 64;

    /// <summary>How large the skeleton (everything but the blobs) may grow; a body that is mostly text beyond this is rejected.</summary>
    public int MaxSkeletonLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 16);
            field = value;
        }
    } = 4 * 1024 * 1024;

    /// <summary>
    /// How many decoded bytes one document may hold in all. It also caps the up-front arena: a declared length whose
    /// arena would exceed it is read as if unknown, so a lying Content-Length cannot make the reader allocate ahead of data.
    /// Bytes decoded into a sink do not count: the reader does not hold them.
    /// </summary>
    public int MaxDecodedLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 256 * 1024 * 1024;

    /// <summary>The size of the pooled buffer each network read fills.</summary>
    public int BufferSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 16);
            field = value;
        }
    } = 32 * 1024;

    internal bool IsBlobProperty(ReadOnlySpan<byte> rawName) => Matches(_blobPropertyNames, rawName);

    internal bool IsMediaTypeProperty(ReadOnlySpan<byte> rawName) => Matches(_mediaTypePropertyNames, rawName);

    private static bool Matches(byte[][] names, ReadOnlySpan<byte> rawName)
    {
        foreach (var name in names)
        {
            if (rawName.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[][] Utf8(IEnumerable<string> names) => [.. names.Select(Encoding.UTF8.GetBytes)];
}
