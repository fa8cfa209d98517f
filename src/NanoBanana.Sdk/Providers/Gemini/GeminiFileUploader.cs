using System.Net.Http.Headers;
using System.Text;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// The Files API's resumable upload in its single-request form: <c>start</c> returns an upload URL, then
/// <c>upload, finalize</c> sends the bytes from memory or straight from the file, and a file still <c>PROCESSING</c> is
/// read again until it is <c>ACTIVE</c>. The whole upload shares one budget.
/// </summary>
internal sealed class GeminiFileUploader(GeminiTransport transport, TimeProvider timeProvider)
{
    private const string Provider = GeminiImageClient.ProviderId;
    private static readonly TimeSpan ProcessingPollInterval = TimeSpan.FromSeconds(1);

    public async Task<GeminiFile> UploadAsync(
        ImageInput input, string mediaType, string displayName, GeminiImageClientOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = options.ResolveApiKey();
        var length = input.Kind == ImageInputKind.File ? new FileInfo(input.FilePath!).Length : input.Data.Length;
        using var budget = new CancellationTokenSource(options.UploadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            var uploadUrl = await StartAsync(displayName, mediaType, length, options, key, linked.Token).ConfigureAwait(false);
            var file = await SendBytesAsync(uploadUrl, input, length, options, key, linked.Token).ConfigureAwait(false);
            while (file.State == "PROCESSING" && file.Name is { } name)
            {
                await Task.Delay(ProcessingPollInterval, timeProvider, linked.Token).ConfigureAwait(false);
                file = await GetAsync(name, options, linked.Token).ConfigureAwait(false);
            }

            return file.State == "FAILED" || file.Uri is null
                ? throw new NanoBananaException(
                    $"{Provider} could not take the reference image '{displayName}' (file {file.Name}, state {file.State ?? "unknown"}); nothing was generated.")
                {
                    Provider = Provider,
                }
                : file;
        }
        catch (OperationCanceledException e) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new NanoBananaTimeoutException(
                $"{Provider} did not finish uploading the reference image '{displayName}' within {options.UploadTimeout}; nothing was generated. Raise UploadTimeout for large images.",
                e)
            {
                Provider = Provider,
                IsTransient = true,
            };
        }
    }

    /// <summary>Reads a file's metadata with <c>GET {version}/files/{id}</c>.</summary>
    public Task<GeminiFile> GetAsync(string name, GeminiImageClientOptions options, CancellationToken cancellationToken)
    {
        var key = options.ResolveApiKey();
        var relative = name.StartsWith("files/", StringComparison.Ordinal) ? name : "files/" + name;
        return GetAndDisposeAsync(GeminiRequests.Create(HttpMethod.Get, GeminiRequests.Api(options, relative), options, key), options, key, cancellationToken);
    }

    private async Task<GeminiFile> GetAndDisposeAsync(HttpRequestMessage request, GeminiImageClientOptions options, string? key, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await transport.Http.SendJsonAsync(
                request, GeminiJsonContext.Default.GeminiFile, new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the file request", key), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task<Uri> StartAsync(
        string displayName, string mediaType, long length, GeminiImageClientOptions options, string? key, CancellationToken cancellationToken)
    {
        using var request = GeminiRequests.Create(HttpMethod.Post, GeminiRequests.Upload(options), options, key);
        request.Headers.Add("X-Goog-Upload-Protocol", "resumable");
        request.Headers.Add("X-Goog-Upload-Command", "start");
        request.Headers.Add("X-Goog-Upload-Header-Content-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Goog-Upload-Header-Content-Type", mediaType);
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new GeminiFileEnvelope { File = new GeminiFile { DisplayName = displayName } }, GeminiJsonContext.Default.GeminiFileEnvelope);
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName } } };

        var spec = new RequestSpec(HttpRequestKind.Submit, options.UploadTimeout, "the upload start", key);
        var location = await transport.SendAsync(
            request,
            spec,
            (response, _) => Task.FromResult(response.Headers.TryGetValues("X-Goog-Upload-URL", out var values) ? values.FirstOrDefault() : null),
            cancellationToken).ConfigureAwait(false);
        return location is not null && Uri.TryCreate(options.BaseAddress, location, out var uploadUrl) && uploadUrl.Scheme is "http" or "https"
            ? uploadUrl
            : throw new NanoBananaException($"{Provider} started an upload but returned no usable X-Goog-Upload-URL header.") { Provider = Provider };
    }

    private async Task<GeminiFile> SendBytesAsync(
        Uri uploadUrl, ImageInput input, long length, GeminiImageClientOptions options, string? key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl);
        // The upload URL carries its own authorization; the key goes only to the API's own host.
        if (string.Equals(uploadUrl.GetLeftPart(UriPartial.Authority), options.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            GeminiRequests.Authenticate(request, options, key);
        }

        request.Headers.Add("X-Goog-Upload-Command", "upload, finalize");
        request.Headers.Add("X-Goog-Upload-Offset", "0");
        request.Content = input.Kind == ImageInputKind.File
            ? new StreamContent(new FileStream(input.FilePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            : new ReadOnlyMemoryContent(input.Data);
        request.Content.Headers.ContentLength = length;
        var envelope = await transport.Http.SendJsonAsync(
            request,
            GeminiJsonContext.Default.GeminiFileEnvelope,
            new RequestSpec(HttpRequestKind.Submit, options.UploadTimeout, "the upload", key),
            cancellationToken).ConfigureAwait(false);
        return envelope.File ?? throw new NanoBananaException($"{Provider} finished an upload without its \"file\" object.") { Provider = Provider };
    }
}
