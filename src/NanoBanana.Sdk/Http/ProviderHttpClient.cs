using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
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
    /// <summary>Vendors answer JSON calls with ids and URLs (inline images have their own reader), so a longer answer is not one.</summary>
    public const long MaxJsonBodyBytes = 16L * 1024 * 1024;

    /// <summary>How many redirects an image download follows; API calls follow none.</summary>
    private const int MaxDownloadRedirects = 5;

    /// <summary>How much of an unexpected body is read to describe it.</summary>
    private const int DescribedBodyBytes = 4 * 1024;

    /// <summary>Sent on every request, downloads included: some CDNs refuse requests without a User-Agent.</summary>
    private static readonly ProductInfoHeaderValue UserAgent =
        new("NanoBanana.Sdk", typeof(ProviderHttpClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    /// <summary>What a successful answer must look like before its body is handed on.</summary>
    private enum Expected
    {
        Anything,
        Json,
        EventStream,
    }

    public async Task<T> SendJsonAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> responseType, RequestSpec spec, CancellationToken cancellationToken) =>
        (await SendJsonWithHintAsync(request, responseType, spec, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="SendJsonAsync{T}"/>, also returning the <c>Retry-After</c> of a successful answer (a poll's hint for the next poll).</summary>
    public async Task<JsonAnswer<T>> SendJsonWithHintAsync<T>(
        HttpRequestMessage request, JsonTypeInfo<T> responseType, RequestSpec spec, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(spec.Budget, timeProvider);
        using var linked = Link(budget, cancellationToken);
        try
        {
            return await SendThenReadAsync(
                request,
                spec,
                (sent, token) => SendExpectingAsync(sent, spec, Expected.Json, token),
                (response, token) => ReadJsonAsync(response, responseType, spec, token),
                (linked ?? budget).Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, spec, budget, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// Like <see cref="SendForJsonAsync(HttpRequestMessage, RequestSpec, CancellationToken)"/>, then reads the body with
    /// <paramref name="read"/>. A read-kind request whose body breaks off is sent again, as the pipeline retries a read
    /// whose headers never came; a submit never is. A failure of <paramref name="read"/> reaches the caller as it is (a body
    /// that keeps breaking off as its <see cref="IOException"/>), so the caller can describe it; pass a token that carries
    /// the call's budget.
    /// </summary>
    public Task<T> SendForJsonAsync<T>(
        HttpRequestMessage request, RequestSpec spec, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        SendThenReadAsync(request, spec, (sent, token) => SendWithinBudgetAsync(sent, spec, Expected.Json, token), read, cancellationToken);

    /// <summary>Sends a request whose body the caller reads itself (downloads, uploads); the budget covers the headers only.</summary>
    public Task<HttpResponseMessage> SendForStreamAsync(HttpRequestMessage request, RequestSpec spec, CancellationToken cancellationToken) =>
        SendWithinBudgetAsync(request, spec, Expected.Anything, cancellationToken);

    /// <summary>
    /// Like <see cref="SendForStreamAsync"/>, for a JSON answer the caller parses itself: an HTML page or an empty body is
    /// refused with a clear exception before the caller reads anything.
    /// </summary>
    public Task<HttpResponseMessage> SendForJsonAsync(HttpRequestMessage request, RequestSpec spec, CancellationToken cancellationToken) =>
        SendWithinBudgetAsync(request, spec, Expected.Json, cancellationToken);

    /// <summary>
    /// Like <see cref="SendForStreamAsync"/>, for a server-sent event stream: an answer that is not <c>text/event-stream</c>
    /// (an HTML page, a JSON document, an empty body) is refused with a clear exception.
    /// </summary>
    public Task<HttpResponseMessage> SendForEventStreamAsync(HttpRequestMessage request, RequestSpec spec, CancellationToken cancellationToken) =>
        SendWithinBudgetAsync(request, spec, Expected.EventStream, cancellationToken);

    /// <summary>
    /// Opens an image download; the returned stream owns the response. Redirects are followed here, unlike on API calls,
    /// because a download carries no credentials: each hop is a fresh request without any key.
    /// </summary>
    public async Task<Stream> DownloadAsync(Uri uri, TimeSpan budget, CancellationToken cancellationToken)
    {
        var spec = new RequestSpec(HttpRequestKind.Read, budget, $"the image download from {uri.Host}");
        using var timer = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            var response = await FollowDownloadRedirectsAsync(uri, spec, linked.Token).ConfigureAwait(false);
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
        catch (Exception e) when (Translate(e, spec, timer, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// Turns a successful answer whose body cannot be parsed into a clear exception: a body labelled as something other
    /// than JSON is described by its content type rather than by the parser's complaint about its first byte.
    /// </summary>
    public NanoBananaException Unreadable(HttpResponseMessage response, RequestSpec spec, string reason, Exception? inner)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var message = mediaType is null || IsJson(mediaType)
            ? $"{provider} answered {spec.Description} with a body the SDK could not read ({SensitiveText.Sanitize(reason, spec.ApiKey)})."
            : $"{provider} answered {spec.Description} (HTTP {(int)response.StatusCode}) with {mediaType} content instead of JSON; a proxy or gateway in front of the vendor may have answered.";
        return Fail(new NanoBananaException(message + AcceptedNote(spec), inner), spec, transient: false, (int)response.StatusCode);
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads its answer. When a read-kind answer breaks off while its body is read, the
    /// request is sent again (a copy: a message is sent once) after the pipeline's backoff, at most its
    /// <see cref="NanoBananaResilienceOptions.MaxRetryAttempts"/> times and never past the call's deadline.
    /// </summary>
    private async Task<T> SendThenReadAsync<T>(
        HttpRequestMessage request,
        RequestSpec spec,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        var sent = request;
        try
        {
            for (var resend = 1; ; resend++)
            {
                TimeSpan wait;
                using (var response = await send(sent, cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        return await read(response, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (IsCutOff(e) && !cancellationToken.IsCancellationRequested && CanResend(sent, spec, resend, out wait))
                    {
                        Log.Retrying(logger, sent.Method.Method, sent.RequestUri?.AbsolutePath, $"a body cut off ({e.GetType().Name})", resend, wait);
                    }
                }

                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                var next = Copy(sent);
                Release(sent, request);
                sent = next;
            }
        }
        finally
        {
            Release(sent, request);
        }
    }

    /// <summary>Whether a read-kind request may be sent again after its body broke off for the <paramref name="resend"/>-th time, and after what wait.</summary>
    private bool CanResend(HttpRequestMessage sent, RequestSpec spec, int resend, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (spec.Kind != HttpRequestKind.Read
            || NanoBananaRequestOptions.GetFacts(sent) is not { RetrySettings: { } settings } facts
            || resend > settings.MaxRetryAttempts)
        {
            return false;
        }

        wait = NanoBananaResilienceHandler.Backoff(settings, resend - 1);
        return timeProvider.GetUtcNow() + wait <= facts.Deadline;
    }

    /// <summary>The caller's token joined with the budget's, or none when the caller's can never be cancelled (most polls): the budget alone then.</summary>
    private static CancellationTokenSource? Link(CancellationTokenSource budget, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token) : null;

    /// <summary>Whether a failure while reading a body means the body stopped arriving (a cut or reset connection), not that it was wrong.</summary>
    private static bool IsCutOff(Exception e) => e is IOException or HttpRequestException or InlineData.InlineDataFormatException { IsTruncated: true };

    /// <summary>A copy of a sent request to send again: the same method, address, headers, options and (shared) content.</summary>
    private static HttpRequestMessage Copy(HttpRequestMessage sent)
    {
        var copy = new HttpRequestMessage(sent.Method, sent.RequestUri) { Version = sent.Version, VersionPolicy = sent.VersionPolicy, Content = sent.Content };
        foreach (var (name, values) in sent.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (key, value) in sent.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[key] = value;
        }

        return copy;
    }

    /// <summary>Disposes a copy made for a resend, leaving the content to the caller's request; the caller's own request is left alone.</summary>
    private static void Release(HttpRequestMessage sent, HttpRequestMessage original)
    {
        if (!ReferenceEquals(sent, original))
        {
            sent.Content = null;
            sent.Dispose();
        }
    }

    /// <summary>Parses a JSON answer from a body bounded to <see cref="MaxJsonBodyBytes"/>.</summary>
    private async Task<JsonAnswer<T>> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> responseType, RequestSpec spec, CancellationToken cancellationToken)
    {
        var stream = new BoundedReadStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), MaxJsonBodyBytes);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var value = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false)
                    ?? throw Unreadable(response, spec, "the body was JSON null", null);
                return new JsonAnswer<T>(value, RetryAfterHeader.Read(response, timeProvider));
            }
            catch (JsonException e)
            {
                throw Unreadable(response, spec, e.Message, e);
            }
            catch (InvalidDataException e)
            {
                throw Fail(new NanoBananaException(
                    $"{provider} answered {spec.Description} with more than {MaxJsonBodyBytes / (1024 * 1024)} MiB, past the SDK's limit for any answer to it; it stopped reading.{AcceptedNote(spec)}", e),
                    spec, transient: false, (int)response.StatusCode);
            }
        }
    }

    private async Task<HttpResponseMessage> SendWithinBudgetAsync(HttpRequestMessage request, RequestSpec spec, Expected expected, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(spec.Budget, timeProvider);
        using var linked = Link(budget, cancellationToken);
        try
        {
            return await SendExpectingAsync(request, spec, expected, (linked ?? budget).Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, spec, budget, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<HttpResponseMessage> SendExpectingAsync(HttpRequestMessage request, RequestSpec spec, Expected expected, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(request, spec, followsRedirects: false, cancellationToken).ConfigureAwait(false);
        try
        {
            if (await RefuseAsync(response, spec, expected, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                throw refusal;
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The exception for a successful answer that is plainly not what the call reads, or null when it may be.</summary>
    private async Task<NanoBananaException?> RefuseAsync(HttpResponseMessage response, RequestSpec spec, Expected expected, CancellationToken cancellationToken)
    {
        if (expected == Expected.Anything)
        {
            return null;
        }

        var what = expected == Expected.Json ? "JSON" : "an event stream";
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        string? problem = null;
        if (HttpErrorMapper.IsHtml(response))
        {
            var title = HttpErrorMapper.HtmlTitle(await HttpErrorMapper.ReadBoundedAsync(response, DescribedBodyBytes, cancellationToken).ConfigureAwait(false));
            problem = $"an HTML page{(title is null ? string.Empty : $" titled \"{SensitiveText.Sanitize(title, spec.ApiKey)}\"")} instead of {what}; a proxy or gateway in front of the vendor probably answered";
        }
        else if (response.Content.Headers.ContentLength == 0)
        {
            problem = $"an empty body instead of {what}";
        }
        else if (expected == Expected.EventStream && mediaType is not null && !mediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            var body = SensitiveText.Sanitize(Encoding.UTF8.GetString(
                await HttpErrorMapper.ReadBoundedAsync(response, DescribedBodyBytes, cancellationToken).ConfigureAwait(false)), spec.ApiKey);
            problem = $"{mediaType} content instead of an event stream{(body is null ? string.Empty : $" (\"{body}\")")}";
        }

        return problem is null
            ? null
            : Fail(new NanoBananaException($"{provider} answered {spec.Description} (HTTP {(int)response.StatusCode}) with {problem}.{AcceptedNote(spec)}"),
                spec, transient: false, (int)response.StatusCode);
    }

    /// <summary>Sends an image download, following up to <see cref="MaxDownloadRedirects"/> redirects, never from https to http.</summary>
    private async Task<HttpResponseMessage> FollowDownloadRedirectsAsync(Uri uri, RequestSpec spec, CancellationToken cancellationToken)
    {
        var target = uri;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            var response = await SendCoreAsync(request, spec, followsRedirects: true, cancellationToken).ConfigureAwait(false);
            if (!HttpErrorMapper.IsRedirect(response))
            {
                return response;
            }

            using (response)
            {
                var next = HttpErrorMapper.RedirectTarget(response);
                if (hop == MaxDownloadRedirects || next is null || next.Scheme is not ("http" or "https") || (target.Scheme == "https" && next.Scheme == "http"))
                {
                    throw Fail(
                        new NanoBananaException(
                            $"{provider} could not finish {spec.Description}: it was redirected {hop + 1} time(s), the last to {HttpErrorMapper.DescribeTarget(response)}; " +
                            $"the SDK follows at most {MaxDownloadRedirects} redirects of a download, and never from https to http or to another scheme."),
                        spec,
                        transient: false,
                        (int)response.StatusCode);
                }

                target = next;
            }
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, RequestSpec spec, bool followsRedirects, CancellationToken cancellationToken)
    {
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.UserAgent.Add(UserAgent);
        }

        if (NanoBananaRequestOptions.GetFacts(request) is null)
        {
            // A resent copy carries the facts, and so the deadline, of the call it belongs to.
            request.Options.Set(NanoBananaRequestOptions.Facts, new RequestFacts(spec.Kind, provider, errorParser, timeProvider.GetUtcNow() + spec.Budget));
        }

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A call that never got an answer took time too; its duration is recorded with the failure's type.
            NanoBananaTelemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(TelemetryTags.ProviderName, provider),
                new KeyValuePair<string, object?>(TelemetryTags.ErrorType, e.GetType().FullName));
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.Responded(logger, provider, request.Method.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, (long)elapsed.TotalMilliseconds);
        NanoBananaTelemetry.RequestDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(TelemetryTags.ProviderName, provider),
            new KeyValuePair<string, object?>(TelemetryTags.HttpStatusCode, (int)response.StatusCode));

        if (response.IsSuccessStatusCode || (followsRedirects && HttpErrorMapper.IsRedirect(response)))
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
        if (e is NanoBananaException known)
        {
            Claim(known, spec);
            return null;
        }

        if (callerToken.IsCancellationRequested)
        {
            return null;
        }

        if (e is TimeoutRejectedException attempt && !budget.IsCancellationRequested)
        {
            // Only reads have an attempt timeout, and a read that never answered was not charged.
            return Fail(new NanoBananaTimeoutException(
                $"{provider} did not answer {spec.Description} within the read attempt timeout of {attempt.Timeout}, and no further attempt was left. Raise Resilience:ReadAttemptTimeout if the vendor is slow.", e), spec);
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
            return Fail(new NanoBananaException($"Could not complete {spec.Description} to {provider}: {e.Message.TrimEnd('.')}.{note}", e), spec);
        }

        return null;
    }

    /// <summary>What a failure after the vendor answered a submit means for the job, when the answer named no job.</summary>
    public static string AcceptedNote(RequestSpec spec) => spec.Kind == HttpRequestKind.Submit && spec.OperationId is null
        ? " The vendor may have accepted and charged the job; it was not resent."
        : string.Empty;

    /// <summary>
    /// Gives an exception raised below this client (the limits' refusal in the pipeline) the provider, and the job the
    /// call was about, so a refused poll still tells the caller which job to resume.
    /// </summary>
    private void Claim(NanoBananaException exception, RequestSpec spec) =>
        exception.With<NanoBananaException>(facts =>
        {
            facts.Provider ??= provider;
            facts.OperationId ??= spec.OperationId;
        });

    private static bool IsJson(string mediaType) => mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private NanoBananaException Fail(NanoBananaException exception, RequestSpec spec, bool transient = true, int? statusCode = null)
    {
        Log.RequestFailed(logger, provider, exception.Message);
        return exception.With<NanoBananaException>(facts =>
        {
            facts.Provider = provider;
            facts.StatusCode = statusCode;
            facts.OperationId = spec.OperationId;
            facts.IsTransient = transient;
        });
    }
}
