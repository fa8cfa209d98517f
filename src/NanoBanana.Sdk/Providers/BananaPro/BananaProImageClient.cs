using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Telemetry;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// The BananaPro gateway client: every vendor operation with typed records (<see cref="GenerateImagesAsync"/>,
/// <see cref="GetTaskAsync"/>, <see cref="GetBalancesAsync"/>, <see cref="ListWebhooksAsync"/>, <see cref="CreateWebhookAsync"/>,
/// <see cref="DeleteWebhookAsync"/>) and the common <see cref="IImageGenerationClient"/> mapped onto them. The vendor only
/// submits: results arrive by account webhook (the recommended path; publish verified deliveries to the
/// <see cref="ImageGenerationWebhookHub"/>) or by polling a status path the vendor does not document
/// (<see cref="BananaProImageClientOptions.StatusPathTemplate"/>). Thread-safe; keep one per configuration.
/// </summary>
public sealed class BananaProImageClient : IImageGenerationClient, IDisposable
{
    /// <summary>The provider name this client reports.</summary>
    public const string ProviderId = "BananaPro";

    private static readonly ImageGenerationCapabilities SupportedCapabilities = new()
    {
        NativeSync = false,
        NativeStreaming = false,
        NativeAsync = true,
        NativeWebhooks = true,
        SupportsInputImages = true,
        SupportsInputImageBytes = true,
        MaxImageCount = 1,
        AspectRatios = [AspectRatio.Square, AspectRatio.Landscape16x9, AspectRatio.Portrait9x16, AspectRatio.Landscape4x3, AspectRatio.Portrait3x4],
        Resolutions = [ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK],
    };

    private static readonly ProviderClientDefinition<BananaProImageClientOptions> Definition =
        new(ProviderId, typeof(BananaProImageClient), BananaProErrorParser.Instance, new BananaProImageClientOptionsValidator(), options => options.Resilience);

    private readonly ProviderClientCore<BananaProImageClientOptions> _core;
    private readonly BananaProResultMapper _mapper;

    /// <summary>Creates a client without dependency injection, with its own HTTP pipeline (retries included).</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <param name="webhooks">Where your webhook endpoint publishes verified deliveries, so operations complete from them; <see langword="null"/> to rely on polling.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public BananaProImageClient(
        BananaProImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, ImageGenerationWebhookHub? webhooks = null)
        : this(Definition.WithOwnedHttpClient(options, timeProvider, loggerFactory, webhooks))
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> you configure (add <see cref="NanoBananaResilienceHandler"/> to it for retries).</summary>
    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.Timeout"/> should be infinite, since budgets live in the options.</param>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <param name="webhooks">Where your webhook endpoint publishes verified deliveries, so operations complete from them; <see langword="null"/> to rely on polling.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public BananaProImageClient(
        HttpClient httpClient,
        BananaProImageClientOptions options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        ImageGenerationWebhookHub? webhooks = null)
        : this(Definition.WithHttpClient(httpClient, options, timeProvider, loggerFactory, webhooks))
    {
    }

    internal BananaProImageClient(
        Func<HttpClient> httpClient,
        Func<BananaProImageClientOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        ImageGenerationWebhookHub? webhooks)
        : this(Definition.Injected(httpClient, options, timeProvider, loggerFactory, webhooks))
    {
    }

    private BananaProImageClient(ProviderClientCore<BananaProImageClientOptions> core)
    {
        _core = core;
        _mapper = new BananaProResultMapper((uri, ct) => _core.Http.DownloadAsync(uri, _core.Options.DownloadTimeout, ct));
    }

    /// <inheritdoc/>
    public string ProviderName => ProviderId;

    /// <inheritdoc/>
    public ImageGenerationCapabilities Capabilities => SupportedCapabilities;

    /// <inheritdoc/>
    /// <remarks>Submits, then waits for the task's webhook delivery (when your app publishes them to the hub) or polls the status path, whichever ends it first.</remarks>
    public async Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var body = Prepare(request, options, cancellationToken);
        using var call = _core.Telemetry.Generate(nameof(GenerateAsync), body.Model, request);
        try
        {
            var operation = await StartCoreAsync(body, options, call, cancellationToken).ConfigureAwait(false);
            var result = await operation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
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
    /// Emulated: the vendor has no stream, so updates come from the operation's polls (and its webhook delivery). A poll
    /// that brought no change is reported with <see cref="ImageGenerationProgressUpdate.IsHeartbeat"/>.
    /// </remarks>
    public async IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(
        ImageGenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = _core.Telemetry.Generate(nameof(GenerateStreamingAsync), request?.Model?.Value ?? _core.Options.DefaultModel, request);
        await foreach (var update in call.StartAndWatchAsync(ct => StartGenerationAsync(request!, ct), strategy: null, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    /// <remarks>The operation id is the vendor's <c>task_id</c>. The operation completes from the task's webhook delivery when one is published to the hub, else from polls.</remarks>
    public async Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var body = Prepare(request, options, cancellationToken);
        using var call = _core.Telemetry.Start(body.Model, request);
        try
        {
            var operation = await StartCoreAsync(body, options, call, cancellationToken).ConfigureAwait(false);
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
    /// <remarks>
    /// A task whose webhook delivery was already published to the hub is returned finished without a request; otherwise
    /// the status path is read, and a 404 there ends in a <see cref="NanoBananaException"/> explaining that the path is unverified.
    /// </remarks>
    public async Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        using var call = _core.Telemetry.Get(operationId);
        try
        {
            var snapshot = DeliveredSnapshot(operationId) ?? await PollAsync(operationId, null, cancellationToken).ConfigureAwait(false);
            call.Status(snapshot.Status);
            return new PollingImageGenerationOperation(
                ProviderId, snapshot, (id, ct) => PollAsync(id, null, ct), options.PollingStrategy, _core.TimeProvider, justSubmitted: false, _core.Webhooks);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <summary>Submits a task with <c>POST /api/v1/images/generate</c> and returns the vendor's answer as it is.</summary>
    /// <param name="request">The vendor request; reference images given as bytes or files are sent inline as base64 data URIs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task id and its cost.</returns>
    /// <exception cref="ArgumentException">The request is incomplete; nothing was sent.</exception>
    public async Task<BananaProGenerateResponse> GenerateImagesAsync(BananaProGenerateRequest request, CancellationToken cancellationToken = default)
    {
        BananaProRequestMapper.Validate(request);
        cancellationToken.ThrowIfCancellationRequested();
        return await SubmitAsync(request, _core.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a task from the status path (<see cref="BananaProImageClientOptions.StatusPathTemplate"/>, by default
    /// <c>GET /api/v1/images/{task_id}</c>). Unverified: the vendor documents no status endpoint.
    /// </summary>
    /// <param name="taskId">The task id from the submit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task.</returns>
    /// <exception cref="NanoBananaException">A 404 says the path may be wrong for this gateway and how to change it.</exception>
    public async Task<BananaProTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        (await ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Reads the account's wallets with <c>GET /api/v1/account/balances</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The web and API balances.</returns>
    public async Task<BananaProBalances> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        using var call = _core.Telemetry.Account(TelemetryOperations.GetCredits, nameof(GetBalancesAsync));
        try
        {
            var balances = await ReadAsync(
                "api/v1/account/balances", BananaProJsonContext.Default.BananaProEnvelopeBananaProBalances, "the balances request", cancellationToken).ConfigureAwait(false);
            _core.Telemetry.CreditsRemaining(call, balances.ApiCredits);
            return balances;
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <summary>Lists the account's webhook endpoints with <c>GET /api/v1/webhooks</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The endpoints.</returns>
    public async Task<IReadOnlyList<BananaProWebhookEndpoint>> ListWebhooksAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync("api/v1/webhooks", BananaProJsonContext.Default.BananaProEnvelopeListBananaProWebhookEndpoint, "the webhook list request", cancellationToken)
            .ConfigureAwait(false);

    /// <summary>
    /// Registers an account webhook endpoint with <c>POST /api/v1/webhooks</c>. The vendor then delivers the events of
    /// every task of the account to it, signed with <paramref name="secretKey"/>; put the same secret in
    /// <see cref="BananaProImageClientOptions.Webhooks"/> so <see cref="BananaProWebhookParser"/> can verify them. Not retried
    /// once sent, since a resend could register the endpoint twice.
    /// </summary>
    /// <param name="url">Your endpoint, an absolute http(s) URL the vendor can reach.</param>
    /// <param name="events">The events, usually <see cref="BananaProWebhookEvents.Default"/>.</param>
    /// <param name="secretKey">The HMAC secret; without one the deliveries are unsigned and the SDK cannot verify them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The registered endpoint.</returns>
    /// <exception cref="ArgumentException">The URL or the events are invalid; nothing was sent.</exception>
    public async Task<BananaProWebhookEndpoint> CreateWebhookAsync(
        Uri url, IEnumerable<string> events, string? secretKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(events);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The webhook URL '{url.OriginalString}' must be an absolute http(s) URL the vendor can reach.", nameof(url));
        }

        IReadOnlyList<string> eventList = [.. events];
        if (eventList.Count == 0 || eventList.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one event, and no empty ones; BananaProWebhookEvents.Default subscribes to both outcomes.", nameof(events));
        }

        if (secretKey is not null && string.IsNullOrWhiteSpace(secretKey))
        {
            throw new ArgumentException("The secret key is blank; pass null for an unsigned webhook.", nameof(secretKey));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        var key = options.ResolveApiKey();
        var body = new BananaProCreateWebhookRequest { Url = url.AbsoluteUri, Events = eventList, SecretKey = secretKey };
        using var request = Request(HttpMethod.Post, options, "api/v1/webhooks", key);
        request.Content = JsonContent.Create(body, BananaProJsonContext.Default.BananaProCreateWebhookRequest);
        var envelope = await _core.Http.SendJsonAsync(
            request,
            BananaProJsonContext.Default.BananaProEnvelopeBananaProWebhookEndpoint,
            new RequestSpec(HttpRequestKind.Submit, options.SubmitTimeout, "the webhook registration", key),
            cancellationToken).ConfigureAwait(false);
        return Unwrap(envelope, "the webhook registration", null);
    }

    /// <summary>Deletes an account webhook endpoint with <c>DELETE /api/v1/webhooks/{id}</c>.</summary>
    /// <param name="id">The endpoint id from <see cref="ListWebhooksAsync"/> or <see cref="CreateWebhookAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the vendor confirmed the deletion.</returns>
    public async Task DeleteWebhookAsync(long id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        var key = options.ResolveApiKey();
        using var request = Request(HttpMethod.Delete, options, "api/v1/webhooks/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), key);

        // Deleting twice is harmless, so it is retried like a read.
        var envelope = await _core.Http.SendJsonAsync(
            request,
            BananaProJsonContext.Default.BananaProEnvelopeBananaProDeletedWebhook,
            new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the webhook deletion", key),
            cancellationToken).ConfigureAwait(false);
        Unwrap(envelope, "the webhook deletion", null);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) => ProviderClientService.Self(this, serviceType, serviceKey);

    /// <summary>Disposes the HTTP pipeline the client built for itself, if any.</summary>
    public void Dispose() => _core.Dispose();

    private static BananaProGenerateRequest Prepare(ImageGenerationRequest request, BananaProImageClientOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ImageGenerationRequestValidator.Validate(request, ProviderId, SupportedCapabilities);
        return BananaProRequestMapper.Map(request, options.DefaultModel);
    }

    private async Task<ImageGenerationOperation> StartCoreAsync(
        BananaProGenerateRequest body, BananaProImageClientOptions options, TelemetryCall call, CancellationToken cancellationToken)
    {
        var submitted = await SubmitAsync(body, options, cancellationToken).ConfigureAwait(false);
        call.ResponseModel(submitted.Model);
        var id = !string.IsNullOrWhiteSpace(submitted.TaskId) ? submitted.TaskId : throw new NanoBananaException(
            $"{ProviderId} accepted the task but returned no task_id, so its result cannot be matched; it may still run and be charged.")
        { Provider = ProviderId };
        _core.Telemetry.Accepted(id);
        var snapshot = new OperationSnapshot { Id = id, Status = ImageGenerationStatus.Queued, Message = "submitted" };
        return new PollingImageGenerationOperation(
            ProviderId, snapshot, (taskId, ct) => PollAsync(taskId, submitted, ct), options.PollingStrategy, _core.TimeProvider, justSubmitted: true, _core.Webhooks);
    }

    private async Task<BananaProGenerateResponse> SubmitAsync(BananaProGenerateRequest body, BananaProImageClientOptions options, CancellationToken cancellationToken)
    {
        var key = options.ResolveApiKey();
        using var request = Request(HttpMethod.Post, options, "api/v1/images/generate", key);
        request.Content = new BananaProGenerateContent(body);
        var envelope = await _core.Http.SendJsonAsync(
            request,
            BananaProJsonContext.Default.BananaProEnvelopeBananaProGenerateResponse,
            new RequestSpec(HttpRequestKind.Submit, options.SubmitTimeout, "the generate request", key),
            cancellationToken).ConfigureAwait(false);
        return Unwrap(envelope, "the generate request", null);
    }

    private async Task<JsonAnswer<BananaProTask>> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        var key = options.ResolveApiKey();
        using var request = Request(HttpMethod.Get, options, BananaProStatusEndpoint.RelativePath(options.StatusPathTemplate, taskId), key);
        try
        {
            var answer = await _core.Http.SendJsonWithHintAsync(
                request,
                BananaProJsonContext.Default.BananaProEnvelopeBananaProTask,
                new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the status request", key, taskId),
                cancellationToken).ConfigureAwait(false);
            return new JsonAnswer<BananaProTask>(Unwrap(answer.Value, "the status request", taskId), answer.RetryAfter);
        }
        catch (NanoBananaException e) when (e.StatusCode == 404)
        {
            throw BananaProStatusEndpoint.Unverified(e, options.StatusPathTemplate, taskId);
        }
    }

    private async Task<OperationSnapshot> PollAsync(string taskId, BananaProGenerateResponse? submitted, CancellationToken cancellationToken)
    {
        var (task, retryAfter) = await ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        var snapshot = _mapper.FromTask(task, taskId, submitted) with { RetryAfter = retryAfter };
        _core.Telemetry.Polled(snapshot);
        return snapshot;
    }

    /// <summary>The task's state from a webhook delivery already published to the hub, if any.</summary>
    private OperationSnapshot? DeliveredSnapshot(string taskId) =>
        _core.Webhooks?.WaitAsync(ProviderId, taskId, CancellationToken.None) is { IsCompletedSuccessfully: true } delivered
            ? new OperationSnapshot
            {
                Id = taskId,
                Status = delivered.Result.Status,
                Message = "callback received",
                Result = delivered.Result.Result,
                Failure = delivered.Result.Error,
            }
            : null;

    private async Task<T> ReadAsync<T>(
        string relative, JsonTypeInfo<BananaProEnvelope<T>> responseType, string description, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        var key = options.ResolveApiKey();
        using var request = Request(HttpMethod.Get, options, relative, key);
        var envelope = await _core.Http.SendJsonAsync(
            request, responseType, new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, description, key), cancellationToken).ConfigureAwait(false);
        return Unwrap(envelope, description, null);
    }

    /// <summary>The envelope's <c>data</c>; a 2xx answer with <c>success: false</c> or without <c>data</c> is an error.</summary>
    private static T Unwrap<T>(BananaProEnvelope<T> envelope, string what, string? operationId)
        where T : class
    {
        if (envelope.Success == false)
        {
            var message = SensitiveText.Sanitize(envelope.Error?.Message) ?? "no reason given";
            throw new NanoBananaException($"{ProviderId} answered {what} with success: false (\"{message}\").")
            {
                Provider = ProviderId,
                ErrorCode = envelope.Error?.Code,
                RequestId = envelope.RequestId,
                OperationId = operationId,
            };
        }

        return envelope.Data ?? throw new NanoBananaException($"{ProviderId} answered {what} without its \"data\" object.")
        {
            Provider = ProviderId,
            RequestId = envelope.RequestId,
            OperationId = operationId,
        };
    }

    private static HttpRequestMessage Request(HttpMethod method, BananaProImageClientOptions options, string relative, string? apiKey)
    {
        var request = new HttpRequestMessage(method, Endpoint(options, relative));
        BearerAuthentication.Apply(request, apiKey, ProviderId, BananaProErrorParser.Instance.AuthenticationHint);
        return request;
    }

    /// <summary>Joins the base address and a path, whether or not the configured base ends with a slash.</summary>
    private static Uri Endpoint(BananaProImageClientOptions options, string relative)
    {
        var baseText = options.BaseAddress.AbsoluteUri;
        return new Uri(baseText.EndsWith('/') ? baseText + relative : baseText + "/" + relative);
    }
}
