using System.Net;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// An upload body read from its source only while the request is being sent, so a file is streamed and never held in
/// memory. A file is reopened and a seekable stream rewound if the request is sent again by a retry.
/// </summary>
internal sealed class UploadStreamContent : HttpContent
{
    private readonly Func<Stream> _open;
    private readonly bool _ownsSource;
    private readonly long? _length;

    private UploadStreamContent(Func<Stream> open, bool ownsSource, long? length)
    {
        _open = open;
        _ownsSource = ownsSource;
        _length = length;
    }

    public static UploadStreamContent FromFile(string path) => new(
        () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan),
        ownsSource: true,
        new FileInfo(path).Length);

    /// <summary>Reads the caller's stream from its current position; the stream is not disposed.</summary>
    public static UploadStreamContent FromStream(Stream stream)
    {
        if (stream.CanSeek)
        {
            var start = stream.Position;
            return new UploadStreamContent(
                () =>
                {
                    stream.Position = start;
                    return stream;
                },
                ownsSource: false,
                stream.Length - start);
        }

        var used = 0;
        return new UploadStreamContent(
            () => Interlocked.Exchange(ref used, 1) == 0
                ? stream
                : throw new InvalidOperationException("The upload stream cannot be read a second time for a resend; pass a seekable stream."),
            ownsSource: false,
            length: null);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = _open();
        try
        {
            await source.CopyToAsync(stream, 64 * 1024, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (_ownsSource)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}
