using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// The APIXO client (api.apixo.ai): the vendor operations with typed records (<see cref="GenerateTaskAsync"/>,
/// <see cref="GetTaskStatusAsync"/>) and the common <see cref="IImageGenerationClient"/> mapped onto them. APIXO only runs
/// jobs asynchronously, so <see cref="GenerateAsync"/> submits and polls (or completes from the callback when the request
/// has a <see cref="ImageGenerationRequest.CallbackUri"/> and the callback reaches the webhook hub), and
/// <see cref="GenerateStreamingAsync"/> reports each poll. Operation ids have the form <c>{model}:{taskId}</c>.
/// Thread-safe; keep one per configuration.
/// </summary>
public sealed class ApixoImageClient : IImageGenerationClient, IDisposable
{
    /// <summary>The provider name this client reports.</summary>
    public const string ProviderId = "Apixo";

    private static readonly ImageGenerationCapabilities SupportedCapabilities = new()
    {
        NativeSync = false,
        NativeStreaming = false,
        NativeAsync = true,
        NativeWebhooks = true,
        SupportsInputImages = true,
        SupportsInputImageBytes = false,
        MaxInputImages = 14,
        MaxImageCount = 1,
        AspectRatios = [.. AspectRatio.KnownRatios, AspectRatio.Auto],
        Resolutions = [ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK],
        OutputMediaTypes = ["image/png", "image/jpeg"],
    };

    private static readonly ProviderClientDefinition<ApixoImageClientOptions> Definition =
        new(ProviderId, typeof(ApixoImageClient), ApixoErrorParser.Instance, new ApixoImageClientOptionsValidator(), options => options.Resilience);

    private readonly ProviderClientCore<ApixoImageClientOptions> _core;

    /// <summary>Creates a client without dependency injection, with its own HTTP pipeline (retries included).</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public ApixoImageClient(ApixoImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(Definition.WithOwnedHttpClient(options, timeProvider, loggerFactory, webhooks: null))
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> you configure (add <see cref="NanoBananaResilienceHandler"/> to it for retries).</summary>
    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.Timeout"/> should be infinite, since budgets live in the options.</param>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public ApixoImageClient(HttpClient httpClient, ApixoImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(Definition.WithHttpClient(httpClient, options, timeProvider, loggerFactory, webhooks: null))
    {
    }

    internal ApixoImageClient(
        Func<HttpClient> httpClient,
        Func<ApixoImageClientOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        ImageGenerationWebhookHub? webhooks)
        : this(Definition.Injected(httpClient, options, timeProvider, loggerFactory, webhooks))
    {
    }

    private ApixoImageClient(ProviderClientCore<ApixoImageClientOptions> core) => _core = core;

    /// <inheritdoc/>
    public string ProviderName => ProviderId;

    /// <inheritdoc/>
    /// <remarks>
    /// The per-model limits are narrower and checked before sending: <c>nano-banana</c> takes 5 reference images, the ten
    /// classic aspect ratios plus <c>auto</c>, and no 2K/4K; <c>nano-banana-pro</c> takes the same ratios at 1K–4K.
    /// </remarks>
    public ImageGenerationCapabilities Capabilities => SupportedCapabilities;

    /// <inheritdoc/>
    /// <remarks>Submits, then polls with <see cref="ApixoImageClientOptions.PollingStrategy"/> (10 s, then every 3 s by default).</remarks>
    public async Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        using var call = _core.Telemetry.Generate(nameof(GenerateAsync), ModelOf(request, options), request);
        try
        {
            var operation = await StartGenerationAsync(request, cancellationToken).ConfigureAwait(false);
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
    /// <remarks>
    /// APIXO does not stream: this submits and yields one progress update per poll (a poll that finds the job in the same
    /// state as the one before is marked <see cref="ImageGenerationProgressUpdate.IsHeartbeat"/>), then the result.
    /// APIXO reports no percentage, so <see cref="ImageGenerationProgressUpdate.Percent"/> stays <see langword="null"/>.
    /// </remarks>
    public async IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(
        ImageGenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        using var call = _core.Telemetry.Generate(nameof(GenerateStreamingAsync), ModelOf(request, options), request);
        await foreach (var update in call.StartAndWatchAsync(ct => StartGenerationAsync(request, ct), options.PollingStrategy, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Sends <c>request_type: "async"</c>, or <c>"callback"</c> when the request has a <see cref="ImageGenerationRequest.CallbackUri"/>:
    /// the SDK then adds the model (<c>nb_model</c>) and its callback token (<c>nb_token</c>) to the URL, so it needs a
    /// secret in <see cref="ApixoImageClientOptions.Webhooks"/>. The operation polls as well, and completes early when the
    /// verified callback is published to the webhook hub.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The request has a CallbackUri but no webhook secret is configured.</exception>
    public async Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        ImageGenerationRequestValidator.Validate(request, ProviderId, SupportedCapabilities);
        var model = ApixoRequestMapper.ResolveModel(request, options);
        var callbackUrl = request.CallbackUri is { } callback ? ApixoCallbackUrl.Create(callback, model, options.Webhooks) : null;
        var body = ApixoRequestMapper.Map(request, model, options, callbackUrl);

        using var call = _core.Telemetry.Start(model, request);
        try
        {
            var taskId = await SubmitAsync(model, body, options, cancellationToken).ConfigureAwait(false);
            var id = ApixoOperationId.Format(model, taskId);
            _core.Telemetry.Accepted(id);
            call.Identify(id);
            var snapshot = new OperationSnapshot { Id = id, Status = ImageGenerationStatus.Queued, Message = ApixoTaskStates.Pending };
            return new PollingImageGenerationOperation(ProviderId, snapshot, PollAsync, options.PollingStrategy, _core.TimeProvider, justSubmitted: true, _core.Webhooks);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <inheritdoc/>
    /// <param name="operationId">An id from <see cref="StartGenerationAsync"/>, of the form <c>{model}:{taskId}</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">The id is not of the form <c>{model}:{taskId}</c>.</exception>
    public async Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        cancellationToken.ThrowIfCancellationRequested();
        ApixoOperationId.Parse(operationId);
        var options = _core.Options;
        using var call = _core.Telemetry.Get(operationId);
        try
        {
            var snapshot = await PollAsync(operationId, cancellationToken).ConfigureAwait(false);
            call.Status(snapshot.Status);
            return new PollingImageGenerationOperation(ProviderId, snapshot, PollAsync, options.PollingStrategy, _core.TimeProvider, justSubmitted: false, _core.Webhooks);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <summary>Sends <c>POST /generateTask/{model}</c> as given and returns the task id.</summary>
    /// <param name="model">The model id, for example <see cref="ApixoModels.NanoBanana"/>.</param>
    /// <param name="request">The vendor request. A <c>callback_url</c> is sent as it is (no SDK token is added).</param>
    /// <param name="cancellationToken">Cancels the call; the task may still have been accepted and charged.</param>
    /// <returns>The task id; read it back with <see cref="GetTaskStatusAsync"/> and the same model.</returns>
    public Task<string> GenerateTaskAsync(string model, ApixoGenerateTaskRequest request, CancellationToken cancellationToken = default)
    {
        ValidateVendorRequest(model, request);
        cancellationToken.ThrowIfCancellationRequested();
        return SubmitAsync(model, request, _core.Options, cancellationToken);
    }

    /// <summary>Reads a task with <c>GET /statusTask/{model}?taskId=</c>.</summary>
    /// <param name="model">The model the task was submitted with.</param>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The task's state, times and (once finished) result or failure.</returns>
    public Task<ApixoTaskStatus> GetTaskStatusAsync(string model, string taskId, CancellationToken cancellationToken = default)
    {
        ValidateModel(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        cancellationToken.ThrowIfCancellationRequested();
        return ReadStatusAsync(model, taskId, ApixoOperationId.Format(model, taskId), cancellationToken);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) => ProviderClientService.Self(this, serviceType, serviceKey);

    /// <summary>Disposes the HTTP pipeline the client built for itself, if any.</summary>
    public void Dispose() => _core.Dispose();

    private static void ValidateModel(string model)
    {
        if (!ApixoModels.IsValidId(model))
        {
            throw new ArgumentException(
                $"'{model}' is not a model id; use letters, digits, '.', '_' and '-' only, for example {ApixoModels.NanoBanana}.", nameof(model));
        }
    }

    private static void ValidateVendorRequest(string model, ApixoGenerateTaskRequest request)
    {
        ValidateModel(model);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Input is null || string.IsNullOrWhiteSpace(request.Input.Prompt))
        {
            throw new ArgumentException("The input prompt is empty or whitespace; describe the image to generate.", nameof(request));
        }

        if (request.Input.ImageUrls?.FirstOrDefault(u => u is null || !u.IsAbsoluteUri || u.Scheme is not ("http" or "https")) is { } bad)
        {
            throw new ArgumentException($"Reference image URL '{bad?.OriginalString}' must be an absolute http or https URL.", nameof(request));
        }

        if (request.RequestType == ApixoRequestTypes.Callback && request.CallbackUrl is null)
        {
            throw new ArgumentException("request_type \"callback\" needs a CallbackUrl.", nameof(request));
        }
    }

    private async Task<string> SubmitAsync(string model, ApixoGenerateTaskRequest body, ApixoImageClientOptions options, CancellationToken cancellationToken)
    {
        const string What = "the generateTask request";
        var key = options.ResolveApiKey();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(options, "generateTask/" + Uri.EscapeDataString(model)))
        {
            Content = JsonContent.Create(body, ApixoJsonContext.Default.ApixoGenerateTaskRequest),
        };
        BearerAuthentication.Apply(request, key, ProviderId, ApixoErrorParser.Instance.AuthenticationHint);
        var envelope = await _core.Http.SendJsonAsync(
            request,
            ApixoJsonContext.Default.ApixoEnvelopeApixoTaskCreated,
            new RequestSpec(HttpRequestKind.Submit, options.SubmitTimeout, What, key),
            cancellationToken).ConfigureAwait(false);
        ApixoEnvelopeError.ThrowIfFailed(envelope.Code, envelope.Message, envelope.Data?.Error, What, key, null);
        return envelope.Data?.TaskId is { } taskId && !string.IsNullOrWhiteSpace(taskId)
            ? taskId
            : throw new NanoBananaException(
                $"{ProviderId} accepted {What} but returned no data.taskId, so the job cannot be polled; it may still run and be charged.")
            { Provider = ProviderId };
    }

    private async Task<ApixoTaskStatus> ReadStatusAsync(string model, string taskId, string operationId, CancellationToken cancellationToken)
    {
        const string What = "the statusTask request";
        var options = _core.Options;
        var key = options.ResolveApiKey();
        var relative = "statusTask/" + Uri.EscapeDataString(model) + "?taskId=" + Uri.EscapeDataString(taskId);
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(options, relative));
        BearerAuthentication.Apply(request, key, ProviderId, ApixoErrorParser.Instance.AuthenticationHint);
        var envelope = await _core.Http.SendJsonAsync(
            request,
            ApixoJsonContext.Default.ApixoEnvelopeApixoTaskStatus,
            new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, What, key, operationId),
            cancellationToken).ConfigureAwait(false);
        ApixoEnvelopeError.ThrowIfFailed(envelope.Code, envelope.Message, envelope.Data?.Error, What, key, operationId);
        return envelope.Data ?? throw new NanoBananaException($"{ProviderId} answered {What} without its \"data\" object.")
        {
            Provider = ProviderId,
            OperationId = operationId,
        };
    }

    private async Task<OperationSnapshot> PollAsync(string operationId, CancellationToken cancellationToken)
    {
        var (model, taskId) = ApixoOperationId.Parse(operationId);
        var status = await ReadStatusAsync(model, taskId, operationId, cancellationToken).ConfigureAwait(false);
        var snapshot = Mapper().FromStatus(status, operationId);
        _core.Telemetry.Polled(snapshot);
        return snapshot;
    }

    /// <summary>The model a span names before the request is validated; the submit's span names the resolved one.</summary>
    private static string? ModelOf(ImageGenerationRequest? request, ApixoImageClientOptions options) =>
        request?.Model?.Value ?? options.DefaultModel ?? ApixoModels.NanoBanana;

    private ApixoResultMapper Mapper() =>
        new((uri, ct) => _core.Http.DownloadAsync(uri, _core.Options.DownloadTimeout, ct), _core.TimeProvider);

    /// <summary>Joins the base address and a path, whether or not the configured base ends with a slash.</summary>
    private static Uri Endpoint(ApixoImageClientOptions options, string relative)
    {
        var baseText = options.BaseAddress.AbsoluteUri;
        return new Uri(baseText.EndsWith('/') ? baseText + relative : baseText + "/" + relative);
    }
}
