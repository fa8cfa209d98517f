using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Telemetry;
using Polly.Timeout;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// Sends a provider's requests and reads its JSON: response headers first, the body streamed straight into
/// source-generated types, budgets on the injected clock, and every failure turned into a typed exception.
/// </summary>
internal sealed class ProviderHttpClient(
    string provider,
    Func<HttpClient> httpClient,
    IProviderErrorParser errorParser,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>Sent on every request, downloads included: some CDNs refuse requests without a User-Agent.</summary>
    private static readonly ProductInfoHeaderValue UserAgent =
        new("NanoBanana.Sdk", typeof(ProviderHttpClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    public async Task<T> SendJsonAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> responseType, RequestSpec spec, CancellationToken cancellationToken) =>
        (await SendJsonWithHintAsync(request, responseType, spec, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="SendJsonAsync{T}"/>, also returning the <c>Retry-After</c> of a successful answer (a poll's hint for the next poll).</summary>
    public async Task<JsonAnswer<T>> SendJsonWithHintAsync<T>(
        HttpRequestMessage request, JsonTypeInfo<T> responseType, RequestSpec spec, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(spec.Budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            using var response = await SendCoreAsync(request, spec, linked.Token).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var value = await JsonSerializer.DeserializeAsync(stream, responseType, linked.Token).ConfigureAwait(false)
                    ?? throw Malformed(spec, "the body was JSON null", null);
                return new JsonAnswer<T>(value, RetryAfterHeader.Read(response, timeProvider));
            }
        }
        catch (JsonException e)
        {
            throw Malformed(spec, e.Message, e);
        }
        catch (Exception e) when (Translate(e, spec, budget, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Sends a request whose body the caller reads itself (SSE, downloads); the budget covers the headers only.</summary>
    public async Task<HttpResponseMessage> SendForStreamAsync(HttpRequestMessage request, RequestSpec spec, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(spec.Budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await SendCoreAsync(request, spec, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, spec, budget, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Opens an image download; the returned stream owns the response.</summary>
    public async Task<Stream> DownloadAsync(Uri uri, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var response = await SendForStreamAsync(request, new RequestSpec(HttpRequestKind.Read, budget, $"the image download from {uri.Host}"), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseOwningStream(body, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, RequestSpec spec, CancellationToken cancellationToken)
    {
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.UserAgent.Add(UserAgent);
        }

        request.Options.Set(NanoBananaRequestOptions.Kind, spec.Kind);
        request.Options.Set(NanoBananaRequestOptions.ErrorParser, errorParser);
        request.Options.Set(NanoBananaRequestOptions.Deadline, timeProvider.GetUtcNow() + spec.Budget);
        var started = Stopwatch.GetTimestamp();
        var response = await httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.Responded(logger, provider, request.Method.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, (long)elapsed.TotalMilliseconds);
        NanoBananaTelemetry.RequestDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("gen_ai.provider.name", provider),
            new KeyValuePair<string, object?>("http.response.status_code", (int)response.StatusCode));

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await HttpErrorMapper.CreateAsync(response, provider, errorParser, timeProvider, spec.ApiKey, spec.OperationId, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private NanoBananaException? Translate(Exception e, RequestSpec spec, CancellationTokenSource budget, CancellationToken callerToken)
    {
        if (e is NanoBananaException || callerToken.IsCancellationRequested)
        {
            return null;
        }

        if (e is OperationCanceledException && budget.IsCancellationRequested || e is TimeoutRejectedException)
        {
            var lost = spec.Kind == HttpRequestKind.Submit && spec.OperationId is null
                ? " The vendor may have accepted and charged the job; it was not resent."
                : string.Empty;
            return Fail(new NanoBananaTimeoutException(
                $"{provider} did not finish {spec.Description} within {spec.Budget}.{lost} Raise the provider's timeout option if the vendor is slow.", e), spec);
        }

        if (e is HttpRequestException or IOException)
        {
            var neverSent = e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
            var note = spec.Kind == HttpRequestKind.Submit && !neverSent
                ? " The request may have reached the vendor, so it was not resent; the job may have been charged."
                : string.Empty;
            return Fail(new NanoBananaException($"Could not complete {spec.Description} to {provider}: {e.Message}.{note}", e), spec);
        }

        return null;
    }

    private NanoBananaException Malformed(RequestSpec spec, string reason, Exception? inner) =>
        Fail(new NanoBananaException($"{provider} answered {spec.Description} with a body the SDK could not read ({reason}).", inner), spec, transient: false);

    private NanoBananaException Fail(NanoBananaException exception, RequestSpec spec, bool transient = true)
    {
        Log.RequestFailed(logger, provider, exception.Message);
        return exception.With<NanoBananaException>(facts =>
        {
            facts.Provider = provider;
            facts.OperationId = spec.OperationId;
            facts.IsTransient = transient;
        });
    }
}
