using System.Buffers;
using System.Text;

namespace NanoBanana.Sdk.Http;

/// <summary>Turns an unsuccessful response into the typed exception a caller reacts to.</summary>
internal static class HttpErrorMapper
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<NanoBananaException> CreateAsync(
        HttpResponseMessage response,
        string provider,
        IProviderErrorParser parser,
        TimeProvider timeProvider,
        string? apiKey,
        string? operationId,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await ReadBoundedAsync(response, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        ProviderError? error;
        try
        {
            error = parser.Parse(status, body);
        }
        catch (System.Text.Json.JsonException)
        {
            error = null;
        }

        var vendorMessage = SensitiveText.Sanitize(error?.Message, apiKey)
            ?? SensitiveText.Sanitize(LooksLikeText(response) ? Encoding.UTF8.GetString(body) : null, apiKey)
            ?? response.ReasonPhrase;
        var requestId = error?.RequestId ?? Header(response, "x-request-id");
        var retryAfter = Longer(RetryAfterHeader.Read(response, timeProvider), error?.RetryAfter);
        var prefix = $"HTTP {status} from {provider}";
        var detail = string.IsNullOrEmpty(vendorMessage) ? string.Empty : $" (\"{vendorMessage}\")";
        if (error is null && IsHtml(response))
        {
            var title = SensitiveText.Sanitize(HtmlTitle(body), apiKey);
            detail = $" (an HTML page{(title is null ? string.Empty : $" titled \"{title}\"")}, likely from a proxy or gateway in front of the vendor)";
        }

        NanoBananaException exception = (error?.Kind ?? KindOf(status)) switch
        {
            _ when status is >= 300 and < 400 => new NanoBananaException(
                $"{prefix}: the vendor redirected the request to {DescribeTarget(response)}. The SDK follows no redirect on API calls, so the API key " +
                "is never sent to another host; if the vendor has moved, set the provider's BaseAddress to its new address."),
            ProviderErrorKind.Authentication when status == 403 => new NanoBananaAuthenticationException(
                $"{prefix}: the key may not use this API{detail}. Check that API access is enabled for the account. {parser.AuthenticationHint}"),
            ProviderErrorKind.Authentication => new NanoBananaAuthenticationException($"{prefix}: the API key was missing or rejected{detail}. {parser.AuthenticationHint}"),
            ProviderErrorKind.QuotaExceeded when status == 402 => new NanoBananaQuotaExceededException($"{prefix}: the account has too few credits{detail}. Top up the account, then try again."),
            ProviderErrorKind.QuotaExceeded => new NanoBananaQuotaExceededException(
                $"{prefix}: the account used up its credits or a usage quota such as a daily request limit{detail}; the job was not run. " +
                $"It was not retried, because no retry within one call can succeed: top up the account or wait until the vendor resets the quota" +
                $"{(retryAfter is { } reset ? $" (in {reset.TotalSeconds:0} s)" : string.Empty)}, or use another provider."),
            ProviderErrorKind.RateLimited when status == 503 => new NanoBananaRateLimitException($"{prefix}: the vendor is busy{detail}; the job was not run. {RetryAdvice(retryAfter)}"),
            ProviderErrorKind.RateLimited => new NanoBananaRateLimitException($"{prefix}: too many requests{detail}. {RetryAdvice(retryAfter)}"),
            ProviderErrorKind.ContentFiltered => new NanoBananaContentFilteredException($"{prefix}: the vendor's safety checks refused the request{detail}. Change the prompt or the reference images."),
            ProviderErrorKind.ServerError => new NanoBananaException($"{prefix}: the vendor failed{detail}. A retry may succeed, but a job may already have been charged."),
            _ => new NanoBananaException($"{prefix}: the vendor rejected the request{detail}."),
        };

        return exception.With<NanoBananaException>(facts =>
        {
            facts.Provider = provider;
            facts.StatusCode = status;
            facts.ErrorCode = error?.Code;
            facts.RequestId = requestId;
            facts.OperationId = operationId;
            facts.RetryAfter = retryAfter;
            facts.IsTransient = status is 408 or 429 or >= 500 && error?.Kind is not ProviderErrorKind.QuotaExceeded;
        });
    }

    private static ProviderErrorKind KindOf(int status) => status switch
    {
        401 or 403 => ProviderErrorKind.Authentication,
        402 => ProviderErrorKind.QuotaExceeded,
        429 or 503 => ProviderErrorKind.RateLimited,
        >= 500 => ProviderErrorKind.ServerError,
        _ => ProviderErrorKind.InvalidRequest,
    };

    private static TimeSpan? Longer(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// What an error response says about a retry: the wait it asks for (the longer of its <c>Retry-After</c> header and the
    /// provider's body hint), and whether the provider's error body says a quota is used up, which no retry within the call mends.
    /// </summary>
    public static async ValueTask<RetryAdvice> ReadRetryAdviceAsync(
        HttpResponseMessage response, IProviderErrorParser? parser, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var header = RetryAfterHeader.Read(response, timeProvider);
        if (parser is null)
        {
            return new RetryAdvice(header, QuotaUsedUp: false);
        }

        try
        {
            // Buffered, so the body can still be read again when the response becomes the caller's exception.
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var error = parser.Parse((int)response.StatusCode, body);
            return new RetryAdvice(Longer(header, error?.RetryAfter), error?.Kind == ProviderErrorKind.QuotaExceeded);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Text.Json.JsonException)
        {
            return new RetryAdvice(header, QuotaUsedUp: false);
        }
    }

    private static string RetryAdvice(TimeSpan? retryAfter) =>
        retryAfter is { } wait ? $"Retry after {wait.TotalSeconds:0.#} s." : "Retry later.";

    /// <summary>Whether the answer is a redirect that names where to go.</summary>
    public static bool IsRedirect(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is not null;

    /// <summary>The absolute target of a redirect, resolved against the request's address when it is relative.</summary>
    public static Uri? RedirectTarget(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } absolute => absolute,
        { } relative => response.RequestMessage?.RequestUri is { } requested && Uri.TryCreate(requested, relative, out var resolved) ? resolved : null,
    };

    /// <summary>Whether the answer is labelled as an HTML page, as proxies, gateways and CDNs answer in a vendor's place.</summary>
    public static bool IsHtml(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml";

    /// <summary>The text of an HTML page's <c>&lt;title&gt;</c>, or null when it has none in the bytes read.</summary>
    public static string? HtmlTitle(ReadOnlySpan<byte> page)
    {
        var text = Encoding.UTF8.GetString(page);
        var start = text.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var end = start < 0 ? -1 : text.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? null : System.Net.WebUtility.HtmlDecode(text[(start + "<title>".Length)..end]).Trim();
    }

    /// <summary>Where a redirect points, without its query (which may carry a signature), for messages.</summary>
    public static string DescribeTarget(HttpResponseMessage response) =>
        RedirectTarget(response) is { } target ? target.GetLeftPart(UriPartial.Path) : "an address it did not give";

    private static bool LooksLikeText(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type
        && (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Reads at most <paramref name="limit"/> bytes of the body; a body cut off while reading yields nothing.</summary>
    public static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(limit);
            try
            {
                var total = 0;
                int read;
                while (total < limit
                    && (read = await stream.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return buffer.AsSpan(0, total).ToArray();
            }
            catch (IOException)
            {
                return [];
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
