using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Telemetry;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>
/// The nananobanana.com client: every vendor operation with typed records (<see cref="CreateGenerationAsync"/>,
/// <see cref="CreateGenerationStreamingAsync"/>, <see cref="GetGenerationRecordAsync"/>, <see cref="GetModelsAsync"/>,
/// <see cref="GetCreditsAsync"/>) and the common <see cref="IImageGenerationClient"/> mapped onto them: sync mode for
/// <see cref="GenerateAsync"/>, stream mode for <see cref="GenerateStreamingAsync"/>, async mode and polling for operations.
/// Thread-safe; keep one per configuration.
/// </summary>
public sealed class NanaNanoBananaImageClient : IImageGenerationClient, IDisposable
{
    /// <summary>The provider name this client reports.</summary>
    public const string ProviderId = "NanaNanoBanana";

    private static readonly ImageGenerationCapabilities SupportedCapabilities = new()
    {
        NativeSync = true,
        NativeStreaming = true,
        NativeAsync = true,
        NativeWebhooks = false,
        SupportsInputImages = true,
        SupportsInputImageBytes = false,
        MaxImageCount = 1,
        AspectRatios = [.. AspectRatio.KnownRatios, AspectRatio.Auto],
        Resolutions = [ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK],
        OutputMediaTypes = ["image/png"],
    };

    private static readonly ProviderClientDefinition<NanaNanoBananaImageClientOptions> Definition =
        new(ProviderId, typeof(NanaNanoBananaImageClient), NanaNanoBananaErrorParser.Instance, new NanaNanoBananaImageClientOptionsValidator(), options => options.Resilience);

    private readonly ProviderClientCore<NanaNanoBananaImageClientOptions> _core;
    private NanaNanoBananaResultMapper? _mapper;

    /// <summary>Creates a client without dependency injection, with its own HTTP pipeline (retries included).</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public NanaNanoBananaImageClient(NanaNanoBananaImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(Definition.WithOwnedHttpClient(options, timeProvider, loggerFactory, webhooks: null))
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> you configure (add <see cref="NanoBananaResilienceHandler"/> to it for retries).</summary>
    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.Timeout"/> should be infinite, since budgets live in the options.</param>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="timeProvider">The clock for budgets and polling; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentException">The options are invalid, for example no API key is set.</exception>
    public NanaNanoBananaImageClient(HttpClient httpClient, NanaNanoBananaImageClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(Definition.WithHttpClient(httpClient, options, timeProvider, loggerFactory, webhooks: null))
    {
    }

    internal NanaNanoBananaImageClient(
        Func<HttpClient> httpClient, Func<NanaNanoBananaImageClientOptions> options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
        : this(Definition.Injected(httpClient, options, timeProvider, loggerFactory, webhooks: null))
    {
    }

    private NanaNanoBananaImageClient(ProviderClientCore<NanaNanoBananaImageClientOptions> core) => _core = core;

    /// <inheritdoc/>
    public string ProviderName => ProviderId;

    /// <inheritdoc/>
    public ImageGenerationCapabilities Capabilities => SupportedCapabilities;

    /// <inheritdoc/>
    public async Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var body = Prepare(request, NanaNanoBananaModes.Sync, options, cancellationToken);
        using var call = _core.Telemetry.Generate(nameof(GenerateAsync), body.SelectedModel, request);
        try
        {
            var response = await SendGenerateAsync(body, options, cancellationToken).ConfigureAwait(false);
            var result = Mapper(options).FromGenerateResponse(response);
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
    /// Heartbeats (the vendor re-sends progress 0 every 15 s) are reported with <see cref="ImageGenerationProgressUpdate.IsHeartbeat"/>
    /// and the highest progress so far. When the stream drops after the job id is known the SDK polls that job instead;
    /// the vendor sends the id only with <c>complete</c>, so an earlier drop ends in a <see cref="NanoBananaException"/>.
    /// </remarks>
    public async IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(
        ImageGenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var body = Prepare(request, NanaNanoBananaModes.Stream, options, cancellationToken);
        using var call = _core.Telemetry.Generate(nameof(GenerateStreamingAsync), body.SelectedModel, request);
        await foreach (var update in call.TraceAsync(StreamUpdatesAsync(body, options, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    public async Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var options = _core.Options;
        var body = Prepare(request, NanaNanoBananaModes.Async, options, cancellationToken);
        using var call = _core.Telemetry.Start(body.SelectedModel, request);
        try
        {
            var response = await SendGenerateAsync(body, options, cancellationToken).ConfigureAwait(false);
            if (!response.Success)
            {
                throw Mapper(options).Failure(response.Warning == true, response.Message ?? response.Error, response.GenerationId, response.CreditsUsed);
            }

            var id = !string.IsNullOrWhiteSpace(response.GenerationId) ? response.GenerationId : throw new NanoBananaException(
                $"{ProviderId} accepted the job but returned no generationId, so it cannot be polled.")
            { Provider = ProviderId };
            _core.Telemetry.Accepted(id);
            call.Identify(id);
            var snapshot = new OperationSnapshot { Id = id, Status = ImageGenerationStatus.Running, Message = response.Message };
            return new PollingImageGenerationOperation(ProviderId, snapshot, PollAsync, options.PollingStrategy, _core.TimeProvider, justSubmitted: true);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Works for any generation id of the account, including ids from sync and stream generations.</remarks>
    public async Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        var options = _core.Options;
        using var call = _core.Telemetry.Get(operationId);
        try
        {
            var snapshot = await PollAsync(operationId, cancellationToken).ConfigureAwait(false);
            call.Status(snapshot.Status);
            return new PollingImageGenerationOperation(ProviderId, snapshot, PollAsync, options.PollingStrategy, _core.TimeProvider, justSubmitted: false);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }
    /// <summary>Sends <c>POST /generate</c> in <c>sync</c> (default) or <c>async</c> mode and returns the vendor's answer as it is.</summary>
    /// <param name="request">The vendor request; use <see cref="CreateGenerationStreamingAsync"/> for <c>stream</c> mode.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer. Check <see cref="NanaNanoBananaGenerateResponse.Success"/>: a content warning is a success status with <c>success: false</c>.</returns>
    public Task<NanaNanoBananaGenerateResponse> CreateGenerationAsync(NanaNanoBananaGenerateRequest request, CancellationToken cancellationToken = default)
    {
        ValidateVendorRequest(request);
        if (request.Mode == NanaNanoBananaModes.Stream)
        {
            throw new ArgumentException("Use CreateGenerationStreamingAsync for stream mode.", nameof(request));
        }

        return SendGenerateAsync(request, _core.Options, cancellationToken);
    }

    /// <summary>Sends <c>POST /generate</c> in <c>stream</c> mode and yields the vendor's events as they arrive.</summary>
    /// <param name="request">The vendor request; its mode is set to <c>stream</c>.</param>
    /// <param name="cancellationToken">Cancels the stream; the job keeps running at the vendor.</param>
    /// <returns>The events, ending after <c>complete</c> or <c>error</c>.</returns>
    public IAsyncEnumerable<NanaNanoBananaStreamEvent> CreateGenerationStreamingAsync(
        NanaNanoBananaGenerateRequest request, CancellationToken cancellationToken = default)
    {
        ValidateVendorRequest(request);
        return StreamEventsAsync(request with { Mode = NanaNanoBananaModes.Stream }, _core.Options, cancellationToken);
    }

    /// <summary>Reads a generation record with <c>GET /generate?id=</c>.</summary>
    /// <param name="generationId">The generation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record.</returns>
    public async Task<NanaNanoBananaGeneration> GetGenerationRecordAsync(string generationId, CancellationToken cancellationToken = default) =>
        (await ReadGenerationAsync(generationId, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Lists the vendor's models with <c>GET /models</c> (no key needed). Ids change: read them rather than hard-coding.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models.</returns>
    public async Task<IReadOnlyList<NanaNanoBananaModelInfo>> GetModelsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        using var call = _core.Telemetry.Account(TelemetryOperations.ListModels, nameof(GetModelsAsync));
        try
        {
            using var request = Get(options, "models", apiKey: null);
            var envelope = await _core.Http.SendJsonAsync(
                request,
                NanaNanoBananaJsonContext.Default.NanaNanoBananaEnvelopeListNanaNanoBananaModelInfo,
                new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the models request"),
                cancellationToken).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData("the models request", null);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <summary>Reads the account balance with <c>GET /credits</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance.</returns>
    public async Task<NanaNanoBananaCredits> GetCreditsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        using var call = _core.Telemetry.Account(TelemetryOperations.GetCredits, nameof(GetCreditsAsync));
        try
        {
            var key = options.ResolveApiKey();
            using var request = Get(options, "credits", key);
            var envelope = await _core.Http.SendJsonAsync(
                request,
                NanaNanoBananaJsonContext.Default.NanaNanoBananaEnvelopeNanaNanoBananaCredits,
                new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the credits request", key),
                cancellationToken).ConfigureAwait(false);
            var credits = envelope.Data ?? throw MissingData("the credits request", null);
            _core.Telemetry.CreditsRemaining(call, credits.Credits);
            return credits;
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

    private static NanaNanoBananaGenerateRequest Prepare(ImageGenerationRequest request, string mode, NanaNanoBananaImageClientOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ImageGenerationRequestValidator.Validate(request, ProviderId, SupportedCapabilities);
        return NanaNanoBananaRequestMapper.Map(request, mode, options.DefaultModel);
    }

    private static void ValidateVendorRequest(NanaNanoBananaGenerateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ArgumentException("The prompt is empty or whitespace; describe the image to generate.", nameof(request));
        }

        if (request.ReferenceImageUrls?.FirstOrDefault(u => u is null || !u.IsAbsoluteUri || u.Scheme is not ("http" or "https")) is { } bad)
        {
            throw new ArgumentException($"Reference image URL '{bad?.OriginalString}' must be an absolute http or https URL.", nameof(request));
        }
    }

    /// <summary>The stream's updates; when the stream drops after the job id is known, the job's polls continue it.</summary>
    private async IAsyncEnumerable<ImageGenerationUpdate> StreamUpdatesAsync(
        NanaNanoBananaGenerateRequest body, NanaNanoBananaImageClientOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mapper = Mapper(options);
        string? operationId = null;
        var sequence = 0;
        var maxPercent = 0;
        NanoBananaException? interruption = null;

        var events = StreamEventsAsync(body, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (NanoBananaException e) when (e.ErrorCode == SseJsonReader.InterruptedCode || e is NanoBananaTimeoutException)
                {
                    interruption = e;
                    break;
                }

                var current = events.Current;
                operationId ??= current.GenerationId ?? current.Data?.GenerationId;
                switch (current.Type)
                {
                    case "complete" when current.Data?.Success != false:
                        var result = mapper.FromStreamComplete(current, operationId);
                        if (result.Images.Count == 0)
                        {
                            throw mapper.Failure(false, "the complete event carried no image URLs", operationId, null);
                        }

                        yield return new ImageGenerationCompletedUpdate { OperationId = operationId, SequenceNumber = sequence, Result = result };
                        yield break;
                    case "complete" or "error":
                        throw mapper.Failure(false, current.Data?.Error ?? current.Message, operationId, null);
                    default:
                        var percent = (int)Math.Clamp(Math.Round(current.Progress ?? 0), 0, 100);
                        var heartbeat = percent < maxPercent;
                        maxPercent = Math.Max(maxPercent, percent);
                        yield return new ImageGenerationProgressUpdate
                        {
                            OperationId = operationId,
                            SequenceNumber = sequence++,
                            Percent = maxPercent,
                            Message = current.Message,
                            IsHeartbeat = heartbeat,
                        };
                        break;
                }
            }
        }

        if (operationId is null)
        {
            throw StreamEndedEarly(interruption);
        }

        var operation = await GetGenerationAsync(operationId, cancellationToken).ConfigureAwait(false);
        await foreach (var update in operation.WatchAsync(options.PollingStrategy, cancellationToken).ConfigureAwait(false))
        {
            yield return update with { SequenceNumber = sequence++ };
        }
    }


    private Task<NanaNanoBananaGenerateResponse> SendGenerateAsync(
        NanaNanoBananaGenerateRequest body, NanaNanoBananaImageClientOptions options, CancellationToken cancellationToken)
    {
        var key = options.ResolveApiKey();
        var budget = body.Mode == NanaNanoBananaModes.Async ? options.SubmitTimeout : options.SyncTimeout;
        return SendAndDisposeAsync(Post(options, body, key), budget, key, cancellationToken);
    }

    private async Task<NanaNanoBananaGenerateResponse> SendAndDisposeAsync(
        HttpRequestMessage request, TimeSpan budget, string? key, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await _core.Http.SendJsonAsync(
                request,
                NanaNanoBananaJsonContext.Default.NanaNanoBananaGenerateResponse,
                new RequestSpec(HttpRequestKind.Submit, budget, "the generate request", key),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<NanaNanoBananaStreamEvent> StreamEventsAsync(
        NanaNanoBananaGenerateRequest body, NanaNanoBananaImageClientOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = options.ResolveApiKey();
        using var request = Post(options, body, key);
        using var response = await _core.Http.SendForEventStreamAsync(
            request, new RequestSpec(HttpRequestKind.Submit, options.SubmitTimeout, "the stream request", key), cancellationToken).ConfigureAwait(false);
        await foreach (var item in SseJsonReader.ReadAsync(
            response, NanaNanoBananaJsonContext.Default.NanaNanoBananaStreamEvent, options.StreamIdleTimeout, _core.TimeProvider, ProviderId, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private async Task<JsonAnswer<NanaNanoBananaGeneration>> ReadGenerationAsync(string generationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(generationId);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _core.Options;
        var key = options.ResolveApiKey();
        using var request = Get(options, "generate?id=" + Uri.EscapeDataString(generationId), key);
        var answer = await _core.Http.SendJsonWithHintAsync(
            request,
            NanaNanoBananaJsonContext.Default.NanaNanoBananaEnvelopeNanaNanoBananaGeneration,
            new RequestSpec(HttpRequestKind.Read, options.ReadTimeout, "the status request", key, generationId),
            cancellationToken).ConfigureAwait(false);
        return new JsonAnswer<NanaNanoBananaGeneration>(answer.Value.Data ?? throw MissingData("the status request", generationId), answer.RetryAfter);
    }

    private async Task<OperationSnapshot> PollAsync(string operationId, CancellationToken cancellationToken)
    {
        var (record, retryAfter) = await ReadGenerationAsync(operationId, cancellationToken).ConfigureAwait(false);
        var snapshot = Mapper(_core.Options).FromGeneration(record, operationId) with { RetryAfter = retryAfter };
        _core.Telemetry.Polled(snapshot);
        return snapshot;
    }

    /// <summary>The mapper for the current options, kept while they stay the same instance: every poll maps an answer.</summary>
    private NanaNanoBananaResultMapper Mapper(NanaNanoBananaImageClientOptions options)
    {
        var mapper = _mapper;
        if (mapper is null || !ReferenceEquals(mapper.Options, options))
        {
            mapper = new(ProviderId, options, (uri, ct) => _core.Http.DownloadAsync(uri, options.DownloadTimeout, ct), _core.TimeProvider);
            _mapper = mapper;
        }

        return mapper;
    }

    private static HttpRequestMessage Post(NanaNanoBananaImageClientOptions options, NanaNanoBananaGenerateRequest body, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(options, "generate"))
        {
            Content = JsonContent.Create(body, NanaNanoBananaJsonContext.Default.NanaNanoBananaGenerateRequest),
        };
        BearerAuthentication.Apply(request, apiKey, ProviderId, NanaNanoBananaErrorParser.Instance.AuthenticationHint);
        return request;
    }

    private static HttpRequestMessage Get(NanaNanoBananaImageClientOptions options, string relative, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(options, relative));
        if (apiKey is not null || relative != "models")
        {
            BearerAuthentication.Apply(request, apiKey, ProviderId, NanaNanoBananaErrorParser.Instance.AuthenticationHint);
        }

        return request;
    }

    /// <summary>Joins the base address and a path, whether or not the configured base ends with a slash.</summary>
    private static Uri Endpoint(NanaNanoBananaImageClientOptions options, string relative)
    {
        var baseText = options.BaseAddress.AbsoluteUri;
        return new Uri(baseText.EndsWith('/') ? baseText + relative : baseText + "/" + relative);
    }

    private static NanoBananaException MissingData(string what, string? operationId) =>
        new($"{ProviderId} answered {what} without its \"data\" object.") { Provider = ProviderId, OperationId = operationId };

    private static NanoBananaException StreamEndedEarly(NanoBananaException? interruption) => interruption is NanoBananaTimeoutException timeout
        ? timeout
        : new NanoBananaException(
            $"The {ProviderId} stream ended before the job completed. The vendor sends the job id only with its final event, so the SDK " +
            "cannot resume this job; it may still finish and be charged. Use StartGenerationAsync when a job must survive a dropped connection.",
            interruption)
        {
            Provider = ProviderId,
            ErrorCode = SseJsonReader.InterruptedCode,
            IsTransient = true,
        };
}
