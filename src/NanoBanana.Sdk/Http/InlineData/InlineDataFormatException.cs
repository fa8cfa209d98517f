namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>
/// Thrown when a body cannot be read as JSON carrying inline base64 data: malformed JSON, a blob that is not base64,
/// a limit exceeded, or a body that ended early. It is thrown before anything is returned, so a caller never holds
/// half an image. (<see cref="InvalidDataException"/> is sealed, hence a <see cref="FormatException"/>.)
/// </summary>
internal sealed class InlineDataFormatException : FormatException
{
    public InlineDataFormatException(string message, long position, bool isTruncated = false)
        : base($"{message} (at byte {position}).")
    {
        Position = position;
        IsTruncated = isTruncated;
    }

    /// <summary>Where reading failed: an offset in the body, or for a sink, in the string content it was fed.</summary>
    public long Position { get; }

    /// <summary>Whether the body ended before the JSON did, which usually means a cut connection rather than a bad server.</summary>
    public bool IsTruncated { get; }
}
