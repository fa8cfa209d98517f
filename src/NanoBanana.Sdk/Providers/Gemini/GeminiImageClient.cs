using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Telemetry;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// The client of Google's Gemini API (Generative Language API) and of gateways that speak it: every vendor operation
/// with typed records (<see cref="GenerateContentAsync"/>, <see cref="StreamGenerateContentAsync"/>, <see cref="GetModelsAsync"/>,
/// <see cref="UploadFileAsync"/>, <see cref="GetFileAsync"/>, <see cref="GenerateToStreamAsync"/>) and the common
/// <see cref="IImageGenerationClient"/> mapped onto them. Images arrive inline and are decoded from the network straight
/// into their final buffer. Thread-safe; keep one per configuration.
/// </summary>
public sealed class GeminiImageClient : IImageGenerationClient, IDisposable
{
    /// <summary>The provider name this client reports.</summary>
    public const string ProviderId = "Gemini";

    private const string GenerateContent = "generateContent";
    private const string StreamGenerateContent = "streamGenerateContent?alt=sse";

    private static readonly ImageGenerationCapabilities SupportedCapabilities = new()
    {
        NativeSync = true,
        NativeStreaming = true,
        NativeAsync = false,
        NativeWebhooks = false,
        SupportsInputImages = true,
        SupportsInputImageBytes = true,
        MaxInputImages = 14,
        MaxImageCount = 1,
        AspectRatios = [.. AspectRatio.KnownRatios, AspectRatio.Auto],
        Resolutions = [ImageResolution.HalfK, ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK],
        OutputMediaTypes = [],
    };

    private static readonly ProviderClientDefinition<GeminiImageClientOptions> Definition =
        new(ProviderId, typeof(GeminiImageClient), GeminiErrorParser.Instance, new GeminiImageClientOptionsValidator(), options => options.Resilience);

    private readonly ProviderClientCore<GeminiImageClientOptions> _core;
    private readonly GeminiTransport _transport;
    private readonly GeminiFileUploader _uploader;

    /// <summary>Creates a client without dependency injection, with its own HTTP pipeline (retries included).</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public GeminiImageClient(GeminiImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(Definition.WithOwnedHttpClient(options, timeProvider, loggerFactory, webhooks: null))
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> you configure (add <see cref="NanoBananaResilienceHandler"/> to it for retries).</summary>
    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.Timeout"/> should be infinite, since budgets live in the options.</param>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public GeminiImageClient(HttpClient httpClient, GeminiImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(Definition.WithHttpClient(httpClient, options, timeProvider, loggerFactory, webhooks: null))
    {
    }

    internal GeminiImageClient(Func<HttpClient> httpClient, Func<GeminiImageClientOptions> options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
        : this(Definition.Injected(httpClient, options, timeProvider, loggerFactory, webhooks: null))
    {
    }

    private GeminiImageClient(ProviderClientCore<GeminiImageClientOptions> core)
    {
        _core = core;
        _transport = new GeminiTransport(core.Http, core.TimeProvider, core.Logger);
        _uploader = new GeminiFileUploader(_transport, core.TimeProvider);
    }

    /// <inheritdoc/>
    public string ProviderName => ProviderId;

    /// <inheritdoc/>
    public ImageGenerationCapabilities Capabilities => SupportedCapabilities;

    /// <inheritdoc/>
    /// <remarks><see cref="ImageGenerationResult.OperationId"/> is the vendor's <c>responseId</c>, when it sends one.</remarks>
    public async Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var plan = Plan(request, options, cancellationToken);
        using var call = _core.Telemetry.Generate(nameof(GenerateAsync), plan.Model, request);
        try
        {
            var response = await SendPlanAsync(plan, options, cancellationToken).ConfigureAwait(false);
            call.ResponseModel(response.ModelVersion);
            var result = GeminiResultMapper.ToResult(response, response.ResponseId);
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
    /// <remarks>
    /// Each chunk that carries text yields an <see cref="ImageGenerationProgressUpdate"/> whose <see cref="ImageGenerationProgressUpdate.Message"/>
    /// is that text (Gemini reports no percentage); the image arrives whole in a later chunk and ends the stream with the
    /// completed update. Gemini keeps no job, so a dropped stream cannot be resumed: it ends in a <see cref="NanoBananaException"/>
    /// with <see cref="NanoBananaException.ErrorCode"/> <c>stream_interrupted</c>.
    /// </remarks>
    public async IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(
        ImageGenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var plan = Plan(request, options, cancellationToken);
        using var call = _core.Telemetry.Generate(nameof(GenerateStreamingAsync), plan.Model, request);
        await foreach (var update in call.TraceAsync(StreamUpdatesAsync(plan, options, call, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The Gemini API has no jobs: the call runs now, and the operation returned has already ended — succeeded, or failed
    /// with the same exception <see cref="GenerateAsync"/> would throw (content filtered, no image). HTTP errors still throw
    /// here. The id is generated by the SDK, and <see cref="GetGenerationAsync"/> can read the outcome back in this process.
    /// </remarks>
    public async Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var plan = Plan(request, options, cancellationToken);
        var id = GeminiOperationCache.NewId();
        using var call = _core.Telemetry.Start(plan.Model, request);
        try
        {
            var response = await SendPlanAsync(plan, options, cancellationToken).ConfigureAwait(false);
            call.ResponseModel(response.ModelVersion);
            OperationSnapshot snapshot;
            try
            {
                snapshot = new OperationSnapshot { Id = id, Status = ImageGenerationStatus.Succeeded, Result = GeminiResultMapper.ToResult(response, id) };
            }
            catch (NanoBananaException e) when (e is NanoBananaContentFilteredException or NanoBananaGenerationFailedException)
            {
                snapshot = new OperationSnapshot { Id = id, Status = ImageGenerationStatus.Failed, Message = e.ErrorCode, Failure = e };
            }

            GeminiOperationCache.Add(snapshot);
            _core.Telemetry.Accepted(id);
            call.Ended(snapshot);
            return Operation(snapshot);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The Gemini API has no job status: only operations that <see cref="StartGenerationAsync"/> created in this process
    /// (the last 32) can be read back, from any Gemini client. Any other id is an <see cref="InvalidOperationException"/>.
    /// </remarks>
    public Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<ImageGenerationOperation>(cancellationToken);
        }

        using var call = _core.Telemetry.Get(operationId);
        if (GeminiOperationCache.TryGet(operationId, out var snapshot))
        {
            call.Status(snapshot.Status);
            return Task.FromResult<ImageGenerationOperation>(Operation(snapshot));
        }

        var unknown = new InvalidOperationException(
            $"The Gemini API has no job status, so only operations created by StartGenerationAsync in this process can be read back " +
            $"(the last {GeminiOperationCache.Capacity}); '{operationId}' is not one of them.");
        call.Failed(unknown);
        return Task.FromException<ImageGenerationOperation>(unknown);
    }

    /// <summary>Sends <c>POST {version}/models/{model}:generateContent</c> and returns the answer as it is, blocked or not.</summary>
    /// <param name="model">The model id, for example <c>gemini-2.5-flash-image</c> (a <c>models/</c> prefix is tolerated).</param>
    /// <param name="request">The vendor request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer. Check <see cref="GeminiGenerateContentResponse.PromptFeedback"/> and <see cref="GeminiCandidate.FinishReason"/>: filtering is a success status.</returns>
    public async Task<GeminiGenerateContentResponse> GenerateContentAsync(
        string model, GeminiGenerateContentRequest request, CancellationToken cancellationToken = default)
    {
        ValidateVendorRequest(model, request);
        cancellationToken.ThrowIfCancellationRequested();
        return await SendAsync(model, request, _core.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <c>POST {version}/models/{model}:streamGenerateContent?alt=sse</c> and yields each chunk as it arrives.</summary>
    /// <param name="model">The model id.</param>
    /// <param name="request">The vendor request.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The chunks: text arrives in pieces, an image whole in one chunk, <c>finishReason</c> and usage on the last.</returns>
    public IAsyncEnumerable<GeminiGenerateContentResponse> StreamGenerateContentAsync(
        string model, GeminiGenerateContentRequest request, CancellationToken cancellationToken = default)
    {
        ValidateVendorRequest(model, request);
        return StreamAsync(model, request, _core.Options, cancellationToken);
    }

    /// <summary>Lists the models with <c>GET {version}/models</c>, every page. Ids change: read them rather than hard-coding.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models.</returns>
    public async Task<IReadOnlyList<GeminiModelInfo>> GetModelsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var call = _core.Telemetry.Account(TelemetryOperations.ListModels, nameof(GetModelsAsync));
        try
        {
            return await ListModelsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <summary>Uploads a reference image through the Files API; send the result as <see cref="GeminiFileData"/> or as <c>ImageInput.FromUri(file.Uri, file.MimeType)</c>.</summary>
    /// <param name="image">The image, as bytes or a file (streamed from disk).</param>
    /// <param name="displayName">A display name; <see langword="null"/> uses the file name or <c>reference</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The file, <c>ACTIVE</c>. Google keeps it for 48 hours.</returns>
    /// <exception cref="ArgumentException">The image is a URL, or its media type cannot be inferred.</exception>
    /// <exception cref="NotSupportedException">Gemini does not take the image's media type.</exception>
    public Task<GeminiFile> UploadFileAsync(ImageInput image, string? displayName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Kind == ImageInputKind.Uri)
        {
            throw new ArgumentException("Only bytes and files can be uploaded; send a URL as it is with ImageInput.FromUri.", nameof(image));
        }

        var mediaType = GeminiRequestMapper.MediaTypeOf(image);
        return _uploader.UploadAsync(image, mediaType, displayName ?? DisplayName(image, null), _core.Options, cancellationToken);
    }

    /// <summary>Reads a file's metadata with <c>GET {version}/files/{id}</c>.</summary>
    /// <param name="name">The file's <see cref="GeminiFile.Name"/> (<c>files/abc123</c>) or bare id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file.</returns>
    public Task<GeminiFile> GetFileAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        cancellationToken.ThrowIfCancellationRequested();
        return _uploader.GetAsync(name, _core.Options, cancellationToken);
    }

    /// <summary>
    /// Generates like <see cref="GenerateAsync"/>, but writes each inline image of the answer into a stream while the
    /// answer arrives, decoding the base64 straight from the network: a 4K image reaches a file without ever being whole
    /// in memory.
    /// </summary>
    /// <param name="request">What to generate.</param>
    /// <param name="openDestination">
    /// Opens the stream for each inline image, in the order they arrive; the SDK disposes each stream when its image
    /// ends. An answer can hold several images (thought drafts, or a 1K draft before the requested size):
    /// <see cref="GeminiStreamedGeneration.ImageIndex"/> says which one is the result.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Which destination holds the result image, with the answer's text and usage.</returns>
    /// <exception cref="NanoBananaException">As from <see cref="GenerateAsync"/>. Streams opened before a failure may hold partial images: discard them.</exception>
    public async Task<GeminiStreamedGeneration> GenerateToStreamAsync(
        ImageGenerationRequest request, Func<GeminiImagePartInfo, Stream> openDestination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openDestination);
        var options = _core.Options;
        var plan = Plan(request, options, cancellationToken);
        using var call = _core.Telemetry.Generate(nameof(GenerateToStreamAsync), plan.Model, request);
        try
        {
            var body = await BuildAsync(plan, options, cancellationToken).ConfigureAwait(false);
            var key = options.ResolveApiKey();
            using var message = Post(options, plan.Model, GenerateContent, body, key);
            var (wire, lengths) = await _transport.ReadJsonAsync(
                message,
                new RequestSpec(HttpRequestKind.Submit, options.RequestTimeout, "the generateContent request", key),
                (response, token) => GeminiTransport.ReadToDestinationsAsync(response, openDestination, token),
                cancellationToken).ConfigureAwait(false);

            // The bytes went to the destinations; each part's place among the images is its "#blob:N" placeholder.
            var answer = wire.ToResponse(_ => ReadOnlyMemory<byte>.Empty);
            var image = GeminiResultMapper.ResultImage(answer, answer.ResponseId, _ => true);
            var index = ImageIndex(wire, answer, image);
            var generation = new GeminiStreamedGeneration
            {
                Response = answer,
                ImageIndex = index,
                MediaType = image.InlineData!.MimeType,
                ImageLength = lengths[index],
                Text = GeminiResultMapper.Text(answer),
                Usage = GeminiResultMapper.Usage(answer.UsageMetadata),
            };
            call.ResponseModel(answer.ModelVersion);
            call.Succeeded(generation, answer.ResponseId, imageCount: 1, generation.Usage);
            return generation;
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) => ProviderClientService.Self(this, serviceType, serviceKey);

    /// <summary>Disposes the HTTP pipeline the client built for itself, if any.</summary>
    public void Dispose() => _core.Dispose();

    private static GeminiRequestPlan Plan(ImageGenerationRequest request, GeminiImageClientOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ImageGenerationRequestValidator.Validate(request, ProviderId, SupportedCapabilities);
        return GeminiRequestMapper.Plan(request, options);
    }

    private static void ValidateVendorRequest(string model, GeminiGenerateContentRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Contents is not { Count: > 0 } contents || contents.Any(c => c is null || c.Parts is not { Count: > 0 }))
        {
            throw new ArgumentException("The request needs at least one content, and every content at least one part.", nameof(request));
        }
    }

    private static string DisplayName(ImageInput image, int? position) =>
        image.FilePath is { } path ? Path.GetFileName(path) : position is { } n ? $"reference-{n}" : "reference";

    /// <summary>Uploads the references that do not fit inline, then builds the wire request.</summary>
    private async Task<GeminiGenerateContentRequest> BuildAsync(GeminiRequestPlan plan, GeminiImageClientOptions options, CancellationToken cancellationToken)
    {
        var uploaded = new Dictionary<GeminiReference, Uri>();
        for (var i = 0; i < plan.References.Count; i++)
        {
            var reference = plan.References[i];
            if (reference.Upload && !uploaded.ContainsKey(reference))
            {
                var file = await _uploader.UploadAsync(reference.Input, reference.MediaType, DisplayName(reference.Input, i + 1), options, cancellationToken)
                    .ConfigureAwait(false);
                uploaded[reference] = file.Uri!;
            }
        }

        return plan.ToRequest(uploaded);
    }

    /// <summary>Every page of <c>GET {version}/models</c>.</summary>
    private async Task<IReadOnlyList<GeminiModelInfo>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var options = _core.Options;
        var key = options.ResolveApiKey();
        var models = new List<GeminiModelInfo>();
        string? pageToken = null;
        while (true)
        {
            var relative = "models?pageSize=1000" + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
            using var request = GeminiRequests.Create(HttpMethod.Get, GeminiRequests.Api(options, relative), options, key);
            var page = await _transport.Http.SendJsonAsync(
                request, GeminiJsonContext.Default.GeminiModelList, new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the models request", key), cancellationToken)
                .ConfigureAwait(false);
            models.AddRange(page.Models ?? []);

            // A server that repeats its token would otherwise be listed forever.
            if (string.IsNullOrEmpty(page.NextPageToken) || page.NextPageToken == pageToken)
            {
                return models;
            }

            pageToken = page.NextPageToken;
        }
    }

    /// <summary>The stream's updates: a progress update per chunk with text, then the completed update.</summary>
    private async IAsyncEnumerable<ImageGenerationUpdate> StreamUpdatesAsync(
        GeminiRequestPlan plan, GeminiImageClientOptions options, TelemetryCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = await BuildAsync(plan, options, cancellationToken).ConfigureAwait(false);
        var merged = new GeminiStreamMerger();
        var sequence = 0;
        await foreach (var chunk in StreamAsync(plan.Model, body, options, cancellationToken).ConfigureAwait(false))
        {
            if (merged.Add(chunk) is { } text)
            {
                yield return new ImageGenerationProgressUpdate { OperationId = merged.ResponseId, SequenceNumber = sequence++, Message = text };
            }
        }

        var response = merged.ToResponse();
        call.ResponseModel(response.ModelVersion);
        var result = GeminiResultMapper.ToResult(response, merged.ResponseId);
        yield return new ImageGenerationCompletedUpdate { OperationId = result.OperationId, SequenceNumber = sequence, Result = result };
    }

    private async Task<GeminiGenerateContentResponse> SendPlanAsync(GeminiRequestPlan plan, GeminiImageClientOptions options, CancellationToken cancellationToken)
    {
        var body = await BuildAsync(plan, options, cancellationToken).ConfigureAwait(false);
        return await SendAsync(plan.Model, body, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GeminiGenerateContentResponse> SendAsync(
        string model, GeminiGenerateContentRequest body, GeminiImageClientOptions options, CancellationToken cancellationToken)
    {
        var key = options.ResolveApiKey();
        using var request = Post(options, model, GenerateContent, body, key);
        return await _transport.GenerateContentAsync(
            request, new RequestSpec(HttpRequestKind.Submit, options.RequestTimeout, "the generateContent request", key), cancellationToken)
            .ConfigureAwait(false);
    }

    private async IAsyncEnumerable<GeminiGenerateContentResponse> StreamAsync(
        string model, GeminiGenerateContentRequest body, GeminiImageClientOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = options.ResolveApiKey();
        using var request = Post(options, model, StreamGenerateContent, body, key);
        using var response = await _transport.Http.SendForEventStreamAsync(
            request, new RequestSpec(HttpRequestKind.Submit, options.RequestTimeout, "the streamGenerateContent request", key), cancellationToken)
            .ConfigureAwait(false);
        await foreach (var chunk in GeminiEventStream.ReadAsync(response, options.StreamIdleTimeout, _core.TimeProvider, key, cancellationToken).ConfigureAwait(false))
        {
            yield return chunk;
        }
    }

    private static HttpRequestMessage Post(GeminiImageClientOptions options, string model, string method, GeminiGenerateContentRequest body, string? key)
    {
        var request = GeminiRequests.Create(HttpMethod.Post, GeminiRequests.Model(options, model, method), options, key);
        request.Content = new GeminiRequestContent(body);
        return request;
    }

    /// <summary>The image index of a part of the answer's first candidate, read from its placeholder in the skeleton.</summary>
    private static int ImageIndex(GeminiWireResponse wire, GeminiGenerateContentResponse answer, GeminiPart image)
    {
        var parts = answer.Candidates[0].Content!.Parts;
        var position = 0;
        while (!ReferenceEquals(parts[position], image))
        {
            position++;
        }

        var wirePart = wire.Candidates![0].Content!.Parts![position];
        var placeholder = (wirePart.InlineData ?? wirePart.InlineDataSnakeCase)!.Data;
        const string Prefix = Http.InlineData.InlineDataDocument.PlaceholderPrefix;
        return placeholder is not null && placeholder.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(placeholder.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new NanoBananaException($"{ProviderId} answered an image part without image data, so no image reached a destination.") { Provider = ProviderId };
    }

    private PollingImageGenerationOperation Operation(OperationSnapshot snapshot) =>
        new(ProviderId, snapshot, (_, _) => Task.FromResult(snapshot), PollingStrategy.Default, _core.TimeProvider, justSubmitted: false);
}
