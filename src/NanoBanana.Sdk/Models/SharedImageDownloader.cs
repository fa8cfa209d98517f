namespace NanoBanana.Sdk;

/// <summary>Downloads URL images that were created without a provider, through one process-wide client.</summary>
internal static class SharedImageDownloader
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public static async Task<Stream> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        var response = await Client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new NanoBananaException($"Downloading the image from {uri.Host} failed with HTTP {status}.")
            {
                StatusCode = status,
                IsTransient = status >= 500 || status == 408 || status == 429,
            };
        }

        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }
}
