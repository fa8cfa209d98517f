namespace NanoBanana.Sdk;

/// <summary>A reference image for editing or image-to-image generation.</summary>
public sealed class ImageInput
{
    private ImageInput(ImageInputKind kind, Uri? uri, ReadOnlyMemory<byte> data, string? filePath, string? mediaType, string? detectedMediaType = null)
    {
        Kind = kind;
        Uri = uri;
        Data = data;
        FilePath = filePath;
        MediaType = mediaType;
        DetectedMediaType = detectedMediaType;
    }

    /// <summary>Where the image comes from.</summary>
    public ImageInputKind Kind { get; }

    /// <summary>The image URL, when <see cref="Kind"/> is <see cref="ImageInputKind.Uri"/>.</summary>
    public Uri? Uri { get; }

    /// <summary>The image bytes, when <see cref="Kind"/> is <see cref="ImageInputKind.Bytes"/>; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The file path, when <see cref="Kind"/> is <see cref="ImageInputKind.File"/>.</summary>
    public string? FilePath { get; }

    /// <summary>The media type, for example <c>image/png</c>, when known.</summary>
    public string? MediaType { get; }

    /// <summary>The format the first bytes of the bytes or file show (see <see cref="ImageSignature"/>), or <see langword="null"/> when unrecognised.</summary>
    internal string? DetectedMediaType { get; }

    /// <summary>A reference image held in memory. The bytes are not copied.</summary>
    /// <param name="data">The encoded image (PNG, JPEG or WebP).</param>
    /// <param name="mediaType">Its media type, for example <c>image/png</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The data is empty or the media type is missing.</exception>
    public static ImageInput FromBytes(ReadOnlyMemory<byte> data, string mediaType)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("The reference image has no bytes.", nameof(data));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        return new ImageInput(ImageInputKind.Bytes, null, data, null, mediaType, ImageSignature.Detect(data.Span));
    }

    /// <summary>A reference image in a local file, streamed when the request is sent; its first bytes are read now, to check its format before sending.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="mediaType">Its media type; <see langword="null"/> to infer it from the file.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ImageInput FromFile(string path, string? mediaType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The reference image file '{fullPath}' does not exist.", fullPath);
        }

        return new ImageInput(ImageInputKind.File, null, default, fullPath, mediaType, DetectFile(fullPath));
    }

    /// <summary>A reference image at a public URL that the vendor fetches.</summary>
    /// <param name="uri">An absolute http or https URL.</param>
    /// <param name="mediaType">Its media type, when known.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The URL is relative or not http(s).</exception>
    public static ImageInput FromUri(Uri uri, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                $"The reference image URL '{uri.OriginalString}' must be an absolute http or https URL that the vendor can fetch.",
                nameof(uri));
        }

        return new ImageInput(ImageInputKind.Uri, uri, default, null, mediaType);
    }

    /// <summary>A reference image at a public URL that the vendor fetches.</summary>
    /// <param name="uri">An absolute http or https URL.</param>
    /// <param name="mediaType">Its media type, when known.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The text is not an absolute http(s) URL.</exception>
    public static ImageInput FromUri(string uri, string? mediaType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            throw new ArgumentException(
                $"The reference image URL '{uri}' must be an absolute http or https URL that the vendor can fetch.", nameof(uri));
        }

        return FromUri(parsed, mediaType);
    }

    /// <summary>Reads the file's first bytes now, as the existence check does, so the request checks need no I/O of their own.</summary>
    private static string? DetectFile(string fullPath)
    {
        Span<byte> head = stackalloc byte[ImageSignature.HeadLength];
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            return ImageSignature.Detect(head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable for now: sending reads the file again and reports the failure there.
            return null;
        }
    }

    /// <summary>Describes the input without its bytes.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Kind switch
    {
        ImageInputKind.Uri => $"ImageInput {{ Uri = {Uri} }}",
        ImageInputKind.File => $"ImageInput {{ File = {FilePath} }}",
        _ => $"ImageInput {{ Bytes = {Data.Length}, MediaType = {MediaType} }}",
    };
}
