using System.Buffers;
using System.Globalization;
using System.Text;

namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// A JSON document split in two: a small skeleton in which each large base64 value is replaced by the string
/// <c>"#blob:N"</c>, and the decoded bytes of those values. The caller deserializes the skeleton with its
/// source-generated types and swaps each placeholder for its blob.
/// </summary>
internal sealed class InlineDataDocument(ReadOnlyMemory<byte> skeleton, IReadOnlyList<ReadOnlyMemory<byte>> blobs)
{
    /// <summary>What a lifted value is replaced with in the skeleton, followed by the blob's index.</summary>
    public const string PlaceholderPrefix = "#blob:";

    /// <summary>The document as UTF-8 JSON, blobs replaced by placeholders; its own exact-size array.</summary>
    public ReadOnlyMemory<byte> Skeleton { get; } = skeleton;

    /// <summary>The decoded blobs in document order. With a known body length they are slices of one shared array.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Blobs { get; } = blobs;

    /// <summary>Finds the blob a skeleton value stands for; false for any other value, such as short base64 left inline.</summary>
    public bool TryGetBlob(string? value, out ReadOnlyMemory<byte> blob)
    {
        blob = default;
        if (value is null
            || !value.StartsWith(PlaceholderPrefix, StringComparison.Ordinal)
            || !int.TryParse(value.AsSpan(PlaceholderPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= Blobs.Count)
        {
            return false;
        }

        blob = Blobs[index];
        return true;
    }

    /// <summary>
    /// The bytes a skeleton value stands for: its blob, or for a value short enough to have stayed inline, the value
    /// decoded as base64 with the same rules as blobs (base64url and missing padding accepted).
    /// </summary>
    public ReadOnlyMemory<byte> GetBytes(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (TryGetBlob(value, out var blob))
        {
            return blob;
        }

        var utf8 = Encoding.UTF8.GetBytes(value);
        var bytes = new byte[(utf8.Length * 3 / 4) + 3];
        var decoder = default(Base64JsonDecoder);
        if (decoder.Decode(utf8, bytes, out var consumed, out var written) == OperationStatus.InvalidData)
        {
            throw new InlineDataFormatException($"The inline value is not base64: {decoder.Error}", consumed);
        }

        if (!decoder.Complete(bytes.AsSpan(written), out var last))
        {
            throw new InlineDataFormatException($"The inline value is not base64: {decoder.Error}", utf8.Length);
        }

        return bytes.AsMemory(0, written + last);
    }
}
