using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// The Ace Data Cloud client: the vendor's operations with typed records (<see cref="GenerateImagesAsync"/>,
/// <see cref="RetrieveTaskAsync"/>, <see cref="RetrieveTasksAsync"/>) and the common <see cref="IImageGenerationClient"/>
/// mapped onto them: the sync call for <see cref="GenerateAsync"/>, <c>async: true</c> plus task retrieves for operations,
/// and progress synthesized from those retrieves for <see cref="GenerateStreamingAsync"/> (the vendor does not stream).
/// With <see cref="ImageGenerationRequest.CallbackUri"/> the vendor posts the finished task there; an operation then
/// completes from the verified callback (through <see cref="ImageGenerationWebhookHub"/>) or from polling, whichever comes first.
/// Thread-safe; keep one per configuration.
/// </summary>
public sealed class AceDataImageClient : IImageGenerationClient, IDisposable
{
    /// <summary>The provider name this client reports.</summary>
    public const string ProviderId = "AceData";

    private static readonly ImageGenerationCapabilities SupportedCapabilities = new()
    {
        NativeSync = true,
        NativeStreaming = false,
        NativeAsync = true,
        NativeWebhooks = true,
        SupportsInputImages = true,
        SupportsInputImageBytes = true,
        MaxInputImages = AceDataImageRequestRules.MaxImages,
        MaxImageCount = 4,
        AspectRatios =
        [
            AspectRatio.Square, AspectRatio.Landscape3x2, AspectRatio.Portrait2x3, AspectRatio.Landscape16x9,
            AspectRatio.Portrait9x16, AspectRatio.Landscape4x3, AspectRatio.Portrait3x4,
        ],
        Resolutions = [ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK],
        OutputMediaTypes = ["image/png"],
    };

    private static readonly ProviderClientDefinition<AceDataImageClientOptions> Definition =
        new(ProviderId, typeof(AceDataImageClient), AceDataErrorParser.Instance, new AceDataImageClientOptionsValidator(), options => options.Resilience);

    private readonly ProviderClientCore<AceDataImageClientOptions> _core;

    /// <summary>Creates a client without dependency injection, with its own HTTP pipeline (retries included).</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <param name="webhookHub">Where verified callbacks are published, so operations complete from them; <see langword="null"/> to rely on polling.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public AceDataImageClient(
        AceDataImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, ImageGenerationWebhookHub? webhookHub = null)
        : this(Definition.WithOwnedHttpClient(options, timeProvider, loggerFactory, webhookHub))
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> you configure (add <see cref="NanoBananaResilienceHandler"/> to it for retries).</summary>
    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.Timeout"/> should be infinite, since budgets live in the options.</param>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <param name="webhookHub">Where verified callbacks are published, so operations complete from them; <see langword="null"/> to rely on polling.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public AceDataImageClient(
        HttpClient httpClient,
        AceDataImageClientOptions options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        ImageGenerationWebhookHub? webhookHub = null)
        : this(Definition.WithHttpClient(httpClient, options, timeProvider, loggerFactory, webhookHub))
    {
    }

    internal AceDataImageClient(
        Func<HttpClient> httpClient,
        Func<AceDataImageClientOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        ImageGenerationWebhookHub? webhookHub)
        : this(Definition.Injected(httpClient, options, timeProvider, loggerFactory, webhookHub))
    {
    }

    private AceDataImageClient(ProviderClientCore<AceDataImageClientOptions> core) => _core = core;

    /// <inheritdoc/>
    public string ProviderName => ProviderId;

    /// <inheritdoc/>
    public ImageGenerationCapabilities Capabilities => SupportedCapabilities;

    /// <inheritdoc/>
    /// <remarks>
    /// One sync call. With <see cref="ImageGenerationRequest.CallbackUri"/> the vendor answers at once instead, so the SDK
    /// waits for the task like <see cref="StartGenerationAsync"/> followed by
    /// <see cref="ImageGenerationOperation.WaitForCompletionAsync(CancellationToken)"/>.
    /// </remarks>
    public async Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var prepared = await PrepareAsync(request, options, forceAsync: false, cancellationToken).ConfigureAwait(false);
        using var call = _core.Telemetry.Generate(nameof(GenerateAsync), prepared.Body.Model, request);
        try
        {
            var response = await SendImagesAsync(prepared, options, cancellationToken).ConfigureAwait(false);
            var snapshot = Mapper(options).FromResponse(response, response.TaskId ?? string.Empty);
            var result = snapshot.Status == ImageGenerationStatus.Succeeded || snapshot.Status == ImageGenerationStatus.Failed
                ? Finished(snapshot)
                : await WaitForTaskAsync(response, snapshot, options, cancellationToken).ConfigureAwait(false);
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
    /// Ace Data does not stream, so this submits with <c>async: true</c> and reports each task retrieve as an
    /// <see cref="ImageGenerationProgressUpdate"/> (the vendor reports no percentage; a retrieve that brought no news is a
    /// heartbeat), then one <see cref="ImageGenerationCompletedUpdate"/>. There is no connection to drop: a retrieve that
    /// fails transiently is retried by the HTTP pipeline like any read, and a failed task throws as <see cref="GenerateAsync"/> would.
    /// </remarks>
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
    public async Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var prepared = await PrepareAsync(request, options, forceAsync: true, cancellationToken).ConfigureAwait(false);
        using var call = _core.Telemetry.Start(prepared.Body.Model, request);
        try
        {
            var response = await SendImagesAsync(prepared, options, cancellationToken).ConfigureAwait(false);
            var id = !string.IsNullOrWhiteSpace(response.TaskId) ? response.TaskId : throw new NanoBananaException(
                $"{ProviderId} accepted the request but returned no task_id, so it cannot be polled.")
            { Provider = ProviderId, RequestId = response.TraceId };
            var snapshot = Mapper(options).FromResponse(response, id);
            if (snapshot.Failure is { } failure)
            {
                throw failure;
            }

            _core.Telemetry.Accepted(id);
            call.Identify(id);
            var operation = Operation(snapshot, options, justSubmitted: true);
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
    /// <remarks>Works for any task id of the account, including ids of sync generations (<see cref="ImageGenerationResult.OperationId"/>).</remarks>
    public async Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        using var call = _core.Telemetry.Get(operationId);
        try
        {
            var snapshot = await PollAsync(operationId, cancellationToken).ConfigureAwait(false);
            call.Status(snapshot.Status);
            return Operation(snapshot, options, justSubmitted: false);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <summary>
    /// Sends <c>POST /nano-banana/images</c> and returns the vendor's answer as it is: the images of a sync call, or only a
    /// task id when <see cref="AceDataImageRequest.Async"/> or <see cref="AceDataImageRequest.CallbackUrl"/> is set.
    /// </summary>
    /// <param name="request">The vendor request; its callback URL is sent as given (no SDK token is added).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer. A task that ends without images still answers; check <see cref="AceDataImageResponse.Success"/>.</returns>
    /// <exception cref="ArgumentException">The request is invalid, for example an edit without images or an image over 10 MiB.</exception>
    public async Task<AceDataImageResponse> GenerateImagesAsync(AceDataImageRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var images = await AceDataImageRequestRules.CheckAsync(request, cancellationToken).ConfigureAwait(false);
        return await SendImagesAsync(new PreparedImageRequest(request, images), _core.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one task with <c>POST /nano-banana/tasks</c> and <c>action: "retrieve"</c>.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record; for an unknown id the vendor answers a record without <see cref="AceDataTask.Id"/>.</returns>
    public Task<AceDataTask> RetrieveTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        cancellationToken.ThrowIfCancellationRequested();
        return SendTasksAsync(
            new AceDataTaskQuery { Id = taskId, Action = AceDataTaskQuery.Retrieve },
            AceDataJsonContext.Default.AceDataTask,
            taskId,
            cancellationToken);
    }

    /// <summary>Reads several tasks at once with <c>POST /nano-banana/tasks</c> and <c>action: "retrieve_batch"</c>.</summary>
    /// <param name="taskIds">The task ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records found.</returns>
    public Task<AceDataTaskBatch> RetrieveTasksAsync(IEnumerable<string> taskIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        List<string> ids = [.. taskIds];
        if (ids.Count == 0 || ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one task id, and no empty ones.", nameof(taskIds));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return SendTasksAsync(
            new AceDataTaskQuery { Ids = ids, Action = AceDataTaskQuery.RetrieveBatch },
            AceDataJsonContext.Default.AceDataTaskBatch,
            operationId: null,
            cancellationToken);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) => ProviderClientService.Self(this, serviceType, serviceKey);

    /// <summary>Disposes the HTTP pipeline the client built for itself, if any.</summary>
    public void Dispose() => _core.Dispose();

    /// <summary>
    /// Validates and maps the request. A callback URL makes the vendor answer at once, so it is always sent with
    /// <c>async: true</c>: the task can then be polled if the callback never arrives.
    /// </summary>
    private static async Task<PreparedImageRequest> PrepareAsync(
        ImageGenerationRequest request, AceDataImageClientOptions options, bool forceAsync, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ImageGenerationRequestValidator.Validate(request, ProviderId, SupportedCapabilities);
        var callback = request.CallbackUri is { } uri
            ? CallbackUrlToken.Append(uri, options.Webhooks.Secrets.FirstOrDefault() ?? throw new InvalidOperationException(
                $"{ProviderId} does not sign callbacks, so the SDK adds a token to CallbackUri and checks it on arrival; set Webhooks:Secrets so callbacks can be verified. Nothing was sent."))
            : null;
        var body = AceDataRequestMapper.Map(request, options.DefaultModel, forceAsync || callback is not null, callback);
        var images = await AceDataImageRequestRules.CheckAsync(body, cancellationToken).ConfigureAwait(false);
        return new PreparedImageRequest(body, images);
    }

    private async Task<AceDataImageResponse> SendImagesAsync(PreparedImageRequest prepared, AceDataImageClientOptions options, CancellationToken cancellationToken)
    {
        var key = options.ResolveApiKey();
        var answersAtOnce = prepared.Body.Async == true || prepared.Body.CallbackUrl is not null;
        var request = Post(options, "nano-banana/images", new AceDataImageRequestContent(prepared.Body, prepared.Images), key);
        return await SendAsync(
            request,
            AceDataJsonContext.Default.AceDataImageResponse,
            new RequestSpec(HttpRequestKind.Submit, answersAtOnce ? options.SubmitTimeout : options.SyncTimeout, "the images request", key),
            cancellationToken).ConfigureAwait(false);
    }

    private Task<T> SendTasksAsync<T>(AceDataTaskQuery query, JsonTypeInfo<T> responseType, string? operationId, CancellationToken cancellationToken)
    {
        var options = _core.Options;
        var key = options.ResolveApiKey();
        var request = Post(options, "nano-banana/tasks", JsonContent.Create(query, AceDataJsonContext.Default.AceDataTaskQuery), key);
        return SendAsync(request, responseType, new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the task retrieve", key, operationId), cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> responseType, RequestSpec spec, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await _core.Http.SendJsonAsync(request, responseType, spec, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A sync answer without images but with a task id (a callback submit, or the vendor deferring): wait for the task.</summary>
    private async Task<ImageGenerationResult> WaitForTaskAsync(
        AceDataImageResponse response, OperationSnapshot snapshot, AceDataImageClientOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(response.TaskId))
        {
            throw new NanoBananaException(
                $"{ProviderId} answered the images request without images and without a task_id (\"{SensitiveText.Sanitize(response.Error?.Message ?? response.Message) ?? "no message"}\").")
            { Provider = ProviderId, RequestId = response.TraceId, ErrorCode = response.Error?.Code };
        }

        _core.Telemetry.Accepted(response.TaskId);
        var operation = Operation(snapshot, options, justSubmitted: true);
        return await operation.WaitForCompletionAsync(options.PollingStrategy, cancellationToken).ConfigureAwait(false);
    }

    private static ImageGenerationResult Finished(OperationSnapshot snapshot) => snapshot.Result ?? throw snapshot.Failure!;

    private PollingImageGenerationOperation Operation(OperationSnapshot snapshot, AceDataImageClientOptions options, bool justSubmitted) =>
        new(ProviderId, snapshot, PollAsync, options.PollingStrategy, _core.TimeProvider, justSubmitted, _core.Webhooks);

    private async Task<OperationSnapshot> PollAsync(string operationId, CancellationToken cancellationToken)
    {
        var record = await RetrieveTaskAsync(operationId, cancellationToken).ConfigureAwait(false);
        if (record.Id is null && record.Response?.TaskId is null)
        {
            throw new NanoBananaException(
                $"{ProviderId} knows no task '{operationId}' (the retrieve answered a record without an id). Check the id: tasks are visible only to the account that created them.")
            { Provider = ProviderId, OperationId = operationId, ErrorCode = "task_not_found" };
        }

        var snapshot = Mapper(_core.Options).FromTask(record, operationId);
        _core.Telemetry.Polled(snapshot);
        return snapshot;
    }

    private AceDataResultMapper Mapper(AceDataImageClientOptions options) =>
        new(ProviderId, (uri, ct) => _core.Http.DownloadAsync(uri, options.DownloadTimeout, ct));

    private static HttpRequestMessage Post(AceDataImageClientOptions options, string relative, HttpContent content, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(options, relative)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            BearerAuthentication.Apply(request, apiKey, ProviderId, AceDataErrorParser.Instance.AuthenticationHint);
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    /// <summary>Joins the base address and a path, whether or not the configured base ends with a slash.</summary>
    private static Uri Endpoint(AceDataImageClientOptions options, string relative)
    {
        var baseText = options.BaseAddress.AbsoluteUri;
        return new Uri(baseText.EndsWith('/') ? baseText + relative : baseText + "/" + relative);
    }

    private sealed record PreparedImageRequest(AceDataImageRequest Body, IReadOnlyList<AceDataImageSource> Images);
}
