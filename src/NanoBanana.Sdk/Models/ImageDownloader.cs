namespace NanoBanana.Sdk;

/// <summary>Opens the download stream of an image URL.</summary>
internal delegate Task<Stream> ImageDownloader(Uri uri, CancellationToken cancellationToken);
