namespace NanoBanana.Sdk;

/// <summary>
/// One generated image: bytes the vendor sent inline, or a URL the vendor hosts. A URL is downloaded only when
/// <see cref="OpenReadAsync"/>, <see cref="CopyToAsync"/>, <see cref="SaveAsync"/> or <see cref="GetBytesAsync"/> asks.
/// </summary>
public sealed class GeneratedImage
{
    private readonly ImageDownloader? _download;

    private GeneratedImage(string? mediaType, ReadOnlyMemory<byte>? data, Uri? uri, DateTimeOffset? expiresAt, ImageDownloader? download)
    {
        MediaType = mediaType;
        Data = data;
        Uri = uri;
        ExpiresAt = expiresAt;
        _download = download;
    }

    /// <summary>The media type, for example <c>image/png</c>, when known.</summary>
    public string? MediaType { get; }

    /// <summary>The image bytes when the vendor sent them inline; <see langword="null"/> for URL results.</summary>
    public ReadOnlyMemory<byte>? Data { get; }

    /// <summary>Where the vendor hosts the image; <see langword="null"/> for inline results.</summary>
    public Uri? Uri { get; }

    /// <summary>When the vendor stops serving <see cref="Uri"/>, where the vendor says.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>An image held in memory. The bytes are not copied.</summary>
    /// <param name="data">The encoded image.</param>
    /// <param name="mediaType">Its media type.</param>
    /// <returns>The image.</returns>
    public static GeneratedImage FromBytes(ReadOnlyMemory<byte> data, string mediaType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        return new GeneratedImage(mediaType, data, null, null, null);
    }

    /// <summary>An image at a URL, downloaded with a shared <see cref="HttpClient"/> when asked.</summary>
    /// <param name="uri">The absolute image URL.</param>
    /// <param name="mediaType">Its media type, when known.</param>
    /// <param name="expiresAt">When the URL stops working, when known.</param>
    /// <returns>The image.</returns>
    public static GeneratedImage FromUri(Uri uri, string? mediaType = null, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new GeneratedImage(mediaType, null, uri, expiresAt, null);
    }

    /// <summary>A URL image downloaded through a provider's own HTTP pipeline.</summary>
    internal static GeneratedImage FromUri(Uri uri, string? mediaType, DateTimeOffset? expiresAt, ImageDownloader download) =>
        new(mediaType, null, uri, expiresAt, download);

    /// <summary>Opens the image for reading: the bytes in memory, or the download stream of the URL.</summary>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A stream the caller disposes.</returns>
    public Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Data is { } data)
        {
            return Task.FromResult<Stream>(new ReadOnlyMemoryStream(data));
        }

        return (_download ?? SharedImageDownloader.DownloadAsync)(Uri!, cancellationToken);
    }

    /// <summary>Writes the image to a stream.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the image is written.</returns>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (Data is { } data)
        {
            await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            return;
        }

        var source = await OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the image to a file, creating or replacing it.</summary>
    /// <param name="path">The file path; its folder is created if missing.</param>
    /// <param name="cancellationToken">Cancels the write; a partly written file is deleted.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        try
        {
            var file = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            File.Delete(fullPath);
            throw;
        }
    }

    /// <summary>Returns the image bytes, downloading a URL image first.</summary>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The bytes; for inline images the same memory as <see cref="Data"/>, not a copy.</returns>
    public async Task<ReadOnlyMemory<byte>> GetBytesAsync(CancellationToken cancellationToken = default)
    {
        if (Data is { } data)
        {
            return data;
        }

        var source = await OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var length = source.CanSeek ? source.Length - source.Position : (source as Http.ResponseOwningStream)?.ContentLength;
            if (length is { } exact && exact <= Array.MaxLength)
            {
                var bytes = new byte[exact];
                await source.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                return bytes;
            }

            var buffer = new MemoryStream();
            await source.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
    }

    /// <summary>Describes the image without its bytes.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Data is { } data
        ? $"GeneratedImage {{ MediaType = {MediaType}, Bytes = {data.Length} }}"
        : $"GeneratedImage {{ MediaType = {MediaType}, Uri = {Uri} }}";
}
