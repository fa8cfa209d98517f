using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Telemetry;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// The DreamTo job API client (<c>/v1/jobs</c>, <c>/v1/files/upload</c>): the vendor operations with typed records
/// (<see cref="CreateJobAsync"/>, <see cref="GetJobAsync"/>, <c>UploadFileAsync</c>) and the common
/// <see cref="IImageGenerationClient"/> mapped onto them. The vendor is async only: <see cref="GenerateAsync"/> submits
/// and polls (finishing early when a callback for the job is published to the <see cref="ImageGenerationWebhookHub"/>),
/// and <see cref="GenerateStreamingAsync"/> reports each poll. Reference images given as bytes or files are uploaded
/// first and referenced by the returned URL. Thread-safe; keep one per configuration.
/// </summary>
public sealed class DreamToJobsImageClient : IImageGenerationClient, IDisposable
{
    /// <summary>The provider name this client reports.</summary>
    public const string ProviderId = "DreamToJobs";

    private static readonly ImageGenerationCapabilities SupportedCapabilities = new()
    {
        NativeSync = false,
        NativeStreaming = false,
        NativeAsync = true,
        NativeWebhooks = true,
        SupportsInputImages = true,
        SupportsInputImageBytes = true,
        MaxImageCount = 1,
        AspectRatios = AspectRatio.KnownRatios,
        Resolutions = [ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK],
        OutputMediaTypes = ["image/png", "image/jpeg"],
    };

    private static readonly ProviderClientDefinition<DreamToJobsImageClientOptions> Definition =
        new(ProviderId, typeof(DreamToJobsImageClient), DreamToJobsErrorParser.Instance, new DreamToJobsImageClientOptionsValidator(), options => options.Resilience);

    private readonly ProviderClientCore<DreamToJobsImageClientOptions> _core;
    private readonly DreamToJobsResponseReader _jobs;

    /// <summary>Creates a client without dependency injection, with its own HTTP pipeline (retries included).</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <param name="webhookHub">Where verified callbacks are published, so operations with a callback URL finish when it arrives; <see langword="null"/> to rely on polling.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no base address or API key is set.</exception>
    public DreamToJobsImageClient(
        DreamToJobsImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, ImageGenerationWebhookHub? webhookHub = null)
        : this(Definition.WithOwnedHttpClient(options, timeProvider, loggerFactory, webhookHub))
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> you configure (add <see cref="NanoBananaResilienceHandler"/> to it for retries).</summary>
    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.Timeout"/> should be infinite, since budgets live in the options.</param>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <param name="webhookHub">Where verified callbacks are published, so operations with a callback URL finish when it arrives; <see langword="null"/> to rely on polling.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no base address or API key is set.</exception>
    public DreamToJobsImageClient(
        HttpClient httpClient,
        DreamToJobsImageClientOptions options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        ImageGenerationWebhookHub? webhookHub = null)
        : this(Definition.WithHttpClient(httpClient, options, timeProvider, loggerFactory, webhookHub))
    {
    }

    internal DreamToJobsImageClient(
        Func<HttpClient> httpClient,
        Func<DreamToJobsImageClientOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        ImageGenerationWebhookHub? webhookHub)
        : this(Definition.Injected(httpClient, options, timeProvider, loggerFactory, webhookHub))
    {
    }

    private DreamToJobsImageClient(ProviderClientCore<DreamToJobsImageClientOptions> core)
    {
        _core = core;
        _jobs = new DreamToJobsResponseReader(ProviderId, core.Http, core.TimeProvider);
    }

    /// <inheritdoc/>
    public string ProviderName => ProviderId;

    /// <inheritdoc/>
    public ImageGenerationCapabilities Capabilities => SupportedCapabilities;

    /// <inheritdoc/>
    /// <remarks>Submits with <c>POST /v1/jobs</c> and polls <c>GET /v1/jobs/{id}</c> with <see cref="DreamToJobsImageClientOptions.PollingStrategy"/>.</remarks>
    public async Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        using var call = _core.Telemetry.Generate(nameof(GenerateAsync), request?.Model?.Value ?? options.DefaultModel, request);
        try
        {
            var operation = await StartAsync(request!, options, call, cancellationToken).ConfigureAwait(false);
            var result = await operation.WaitForCompletionAsync(options.PollingStrategy, cancellationToken).ConfigureAwait(false);
            call.Succeeded(result);
            return result;
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <inheritdoc/>
    /// <remarks>The vendor does not stream: this submits, then yields one progress update per poll and the completed update last.</remarks>
    public async IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(
        ImageGenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        using var call = _core.Telemetry.Generate(nameof(GenerateStreamingAsync), request?.Model?.Value ?? options.DefaultModel, request);
        await foreach (var update in call.StartAndWatchAsync(ct => StartGenerationAsync(request!, ct), options.PollingStrategy, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// With <see cref="ImageGenerationRequest.CallbackUri"/> the vendor posts the finished job there; the SDK adds its
    /// callback token (from the first of <c>Webhooks:Secrets</c>) to the URL so <see cref="DreamToJobsWebhookParser"/> can verify it.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A callback URL was given but no webhook secret is configured; nothing was sent.</exception>
    public async Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        using var call = _core.Telemetry.Start(request?.Model?.Value ?? options.DefaultModel, request);
        try
        {
            var operation = await StartAsync(request!, options, call, cancellationToken).ConfigureAwait(false);
            call.Identify(operation.Id);
            call.Started(operation);
            return operation;
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Works for any job id of the account, including jobs created with <see cref="CreateJobAsync"/>.</remarks>
    public async Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        var options = _core.Options;
        using var call = _core.Telemetry.Get(operationId);
        try
        {
            var snapshot = await PollAsync(operationId, cancellationToken).ConfigureAwait(false);
            call.Status(snapshot.Status);
            return new PollingImageGenerationOperation(
                ProviderId, snapshot, PollAsync, options.PollingStrategy, _core.TimeProvider, justSubmitted: false, _core.Webhooks);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <summary>Creates a job with <c>POST /v1/jobs</c> and returns the vendor's answer as it is.</summary>
    /// <param name="request">The vendor request; its <c>callback_url</c> is sent exactly as given (no SDK token is added).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted job, normally with status <c>processing</c>.</returns>
    public async Task<DreamToJob> CreateJobAsync(DreamToJobRequest request, CancellationToken cancellationToken = default)
    {
        ValidateVendorRequest(request);
        cancellationToken.ThrowIfCancellationRequested();
        return (await SendCreateAsync(request, _core.Options, cancellationToken).ConfigureAwait(false)).Job;
    }

    /// <summary>Reads a job with <c>GET /v1/jobs/{id}</c>. Inline result images are decoded while the body arrives.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    public async Task<DreamToJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        (await ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false)).Job;

    /// <summary>Uploads a reference image with <c>POST /v1/files/upload</c>, streamed from the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="mediaType">Its media type; <see langword="null"/> to tell it from the extension (.png, .jpg, .jpeg, .webp).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file; reference it by <see cref="DreamToFile.Url"/>.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public Task<DreamToFile> UploadFileAsync(string path, string? mediaType = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The file to upload, '{fullPath}', does not exist.", fullPath);
        }

        var type = mediaType ?? MediaTypes.FromFileName(fullPath) ?? throw new ArgumentException(
            $"The media type of '{Path.GetFileName(fullPath)}' cannot be told from its extension; pass it.", nameof(mediaType));
        ValidateMediaType(type);
        return SendUploadAsync(UploadStreamContent.FromFile(fullPath), Path.GetFileName(fullPath), type, cancellationToken);
    }

    /// <summary>Uploads a reference image with <c>POST /v1/files/upload</c>, read from a stream as it is sent.</summary>
    /// <param name="content">The image, read from its current position to its end; not disposed. A seekable stream can be resent by a retry.</param>
    /// <param name="fileName">The file name to send, for example <c>reference.png</c>.</param>
    /// <param name="mediaType">Its media type, for example <c>image/png</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file; reference it by <see cref="DreamToFile.Url"/>.</returns>
    public Task<DreamToFile> UploadFileAsync(Stream content, string fileName, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ValidateMediaType(mediaType);
        return SendUploadAsync(UploadStreamContent.FromStream(content), fileName, mediaType, cancellationToken);
    }

    /// <summary>Uploads a reference image held in memory with <c>POST /v1/files/upload</c>; the bytes are not copied.</summary>
    /// <param name="content">The image.</param>
    /// <param name="fileName">The file name to send, for example <c>reference.png</c>.</param>
    /// <param name="mediaType">Its media type, for example <c>image/png</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file; reference it by <see cref="DreamToFile.Url"/>.</returns>
    public Task<DreamToFile> UploadFileAsync(ReadOnlyMemory<byte> content, string fileName, string mediaType, CancellationToken cancellationToken = default)
    {
        if (content.IsEmpty)
        {
            throw new ArgumentException("The file to upload has no bytes.", nameof(content));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ValidateMediaType(mediaType);
        return SendUploadAsync(new ReadOnlyMemoryContent(content), fileName, mediaType, cancellationToken);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) => ProviderClientService.Self(this, serviceType, serviceKey);

    /// <summary>Disposes the HTTP pipeline the client built for itself, if any.</summary>
    public void Dispose() => _core.Dispose();

    private async Task<ImageGenerationOperation> StartAsync(
        ImageGenerationRequest request, DreamToJobsImageClientOptions options, TelemetryCall call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ImageGenerationRequestValidator.Validate(request, ProviderId, SupportedCapabilities);
        DreamToJobsRequestMapper.Validate(request);
        var callback = CallbackUrl(request.CallbackUri, options);

        var references = await ReferenceUrlsAsync(request.InputImages, options, cancellationToken).ConfigureAwait(false);
        var (job, retryAfter) = await SendCreateAsync(
            DreamToJobsRequestMapper.Map(request, options.DefaultModel, references, callback), options, cancellationToken).ConfigureAwait(false);
        var id = string.IsNullOrWhiteSpace(job.Id)
            ? throw new NanoBananaException($"{ProviderId} accepted the job but returned no id, so it cannot be polled.") { Provider = ProviderId }
            : job.Id;
        _core.Telemetry.Accepted(id);
        call.ResponseModel(job.Model);
        return new PollingImageGenerationOperation(
            ProviderId,
            Mapper(options).FromJob(job, id) with { RetryAfter = retryAfter },
            PollAsync,
            options.PollingStrategy,
            _core.TimeProvider,
            justSubmitted: true,
            _core.Webhooks);
    }

    /// <summary>The callback URL with the SDK's token, so the unsigned callback can be verified.</summary>
    private static Uri? CallbackUrl(Uri? callback, DreamToJobsImageClientOptions options)
    {
        if (callback is null)
        {
            return null;
        }

        var secret = options.Webhooks.Secrets.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? throw new InvalidOperationException(
            $"{ProviderId} cannot verify callbacks to {callback.GetLeftPart(UriPartial.Path)} because no webhook secret is configured; nothing was sent. " +
            "Set Webhooks:Secrets so callbacks can be verified (for example NanoBanana:DreamToJobs:Webhooks:Secrets:0).");
        return CallbackUrlToken.Append(callback, secret);
    }

    /// <summary>URL references as they are; bytes and files uploaded first, in order, and referenced by the returned URL.</summary>
    private async Task<List<Uri>> ReferenceUrlsAsync(
        IReadOnlyList<ImageInput> inputs, DreamToJobsImageClientOptions options, CancellationToken cancellationToken)
    {
        var urls = new List<Uri>(inputs.Count);
        foreach (var input in inputs)
        {
            var url = input.Kind switch
            {
                ImageInputKind.Uri => input.Uri!,
                ImageInputKind.Bytes => UploadedUrl(
                    await UploadFileAsync(
                        input.Data, $"reference-{urls.Count + 1}{MediaTypes.Extension(input.MediaType!)}", input.MediaType!, cancellationToken).ConfigureAwait(false),
                    options),
                _ => UploadedUrl(await UploadFileAsync(input.FilePath!, input.MediaType, cancellationToken).ConfigureAwait(false), options),
            };
            urls.Add(url);
        }

        return urls;
    }

    private static Uri UploadedUrl(DreamToFile file, DreamToJobsImageClientOptions options)
    {
        if (file.Url is { } url
            && (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
                || !url.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(options.BaseAddress, url, out absolute)))
        {
            return absolute;
        }

        throw new NanoBananaException(
            $"{ProviderId} stored the reference image{(file.Id is null ? string.Empty : $" as {file.Id}")} but returned no usable \"url\" to reference it by, so no job was submitted.")
        {
            Provider = ProviderId,
        };
    }

    private async Task<(DreamToJob Job, TimeSpan? RetryAfter)> SendCreateAsync(DreamToJobRequest body, DreamToJobsImageClientOptions options, CancellationToken cancellationToken)
    {
        var key = options.ResolveApiKey();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(options, "v1/jobs"))
        {
            Content = JsonContent.Create(body, DreamToJobsJsonContext.Default.DreamToJobRequest),
        };
        BearerAuthentication.Apply(request, key, ProviderId, DreamToJobsErrorParser.Instance.AuthenticationHint);
        return await _jobs.SendAsync(
            request, new RequestSpec(HttpRequestKind.Submit, options.SubmitTimeout, "the job submit", key), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DreamToFile> SendUploadAsync(HttpContent file, string fileName, string mediaType, CancellationToken cancellationToken)
    {
        using var body = UploadBody(file, fileName, mediaType);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        var key = options.ResolveApiKey();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(options, "v1/files/upload")) { Content = body };
        BearerAuthentication.Apply(request, key, ProviderId, DreamToJobsErrorParser.Instance.AuthenticationHint);
        return await _core.Http.SendJsonAsync(
            request,
            DreamToJobsJsonContext.Default.DreamToFile,
            new RequestSpec(HttpRequestKind.Submit, options.UploadTimeout, "the file upload", key),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The documented form: <c>kind=image</c>, <c>purpose=reference</c>, <c>file=@name</c>.</summary>
    private static MultipartFormDataContent UploadBody(HttpContent file, string fileName, string mediaType)
    {
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return new MultipartFormDataContent
        {
            { Field("image"), "kind" },
            { Field("reference"), "purpose" },
            { file, "file", fileName },
        };
    }

    /// <summary>A plain form field, without the part content type <see cref="StringContent"/> adds (as curl's <c>-F</c> sends it).</summary>
    private static StringContent Field(string value)
    {
        var content = new StringContent(value);
        content.Headers.ContentType = null;
        return content;
    }

    private async Task<(DreamToJob Job, TimeSpan? RetryAfter)> ReadJobAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        var key = options.ResolveApiKey();
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(options, "v1/jobs/" + Uri.EscapeDataString(jobId)));
        BearerAuthentication.Apply(request, key, ProviderId, DreamToJobsErrorParser.Instance.AuthenticationHint);
        return await _jobs.SendAsync(
            request, new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the job status request", key, jobId), cancellationToken).ConfigureAwait(false);
    }

    private async Task<OperationSnapshot> PollAsync(string operationId, CancellationToken cancellationToken)
    {
        var (job, retryAfter) = await ReadJobAsync(operationId, cancellationToken).ConfigureAwait(false);
        var snapshot = Mapper(_core.Options).FromJob(job, operationId) with { RetryAfter = retryAfter };
        _core.Telemetry.Polled(snapshot);
        return snapshot;
    }

    private DreamToJobsResultMapper Mapper(DreamToJobsImageClientOptions options) =>
        new(ProviderId, options.BaseAddress, (uri, ct) => _core.Http.DownloadAsync(uri, options.DownloadTimeout, ct));

    private static void ValidateVendorRequest(DreamToJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            throw new ArgumentException($"The model is empty; the vendor documents {DreamToJobsImageClientOptions.NanoBananaPro}.", nameof(request));
        }

        if (request.Input is null || string.IsNullOrWhiteSpace(request.Input.Prompt))
        {
            throw new ArgumentException("The prompt is empty or whitespace; describe the image to generate.", nameof(request));
        }

        foreach (var url in request.Input.ReferenceImageUrls ?? [])
        {
            if (!IsHttpUrl(url))
            {
                throw new ArgumentException($"Reference image URL '{url?.OriginalString}' must be an absolute http or https URL.", nameof(request));
            }
        }

        if (request.Input.CallbackUrl is { } callback && !IsHttpUrl(callback))
        {
            throw new ArgumentException($"The callback URL '{callback.OriginalString}' must be an absolute http or https URL.", nameof(request));
        }
    }

    private static void ValidateMediaType(string mediaType)
    {
        if (!MediaTypes.IsValid(mediaType))
        {
            throw new ArgumentException($"'{mediaType}' is not a media type such as image/png.", nameof(mediaType));
        }
    }

    private static bool IsHttpUrl(Uri? uri) => uri is { IsAbsoluteUri: true } && uri.Scheme is "http" or "https";

    /// <summary>Joins the base address and a path, whether or not the configured base ends with a slash.</summary>
    private static Uri Endpoint(DreamToJobsImageClientOptions options, string relative)
    {
        var baseText = options.BaseAddress!.AbsoluteUri;
        return new Uri(baseText.EndsWith('/') ? baseText + relative : baseText + "/" + relative);
    }
}
