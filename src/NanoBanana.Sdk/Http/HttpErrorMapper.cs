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
        var body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
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

        NanoBananaException exception = (error?.Kind ?? KindOf(status)) switch
        {
            ProviderErrorKind.Authentication when status == 403 => new NanoBananaAuthenticationException(
                $"{prefix}: the key may not use this API{detail}. Check that API access is enabled for the account. {parser.AuthenticationHint}"),
            ProviderErrorKind.Authentication => new NanoBananaAuthenticationException($"{prefix}: the API key was missing or rejected{detail}. {parser.AuthenticationHint}"),
            ProviderErrorKind.QuotaExceeded => new NanoBananaQuotaExceededException($"{prefix}: the account has too few credits{detail}. Top up the account, then try again."),
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
            facts.IsTransient = status is 408 or 429 or >= 500;
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

    /// <summary>The wait an error response asks for: the longer of its <c>Retry-After</c> header and the provider's body hint.</summary>
    public static async ValueTask<TimeSpan?> ReadRetryHintAsync(
        HttpResponseMessage response, IProviderErrorParser? parser, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var header = RetryAfterHeader.Read(response, timeProvider);
        if (parser is null)
        {
            return header;
        }

        try
        {
            // Buffered, so the body can still be read again when the response becomes the caller's exception.
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Longer(header, parser.Parse((int)response.StatusCode, body)?.RetryAfter);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Text.Json.JsonException)
        {
            return header;
        }
    }

    private static string RetryAdvice(TimeSpan? retryAfter) =>
        retryAfter is { } wait ? $"Retry after {wait.TotalSeconds:0.#} s." : "Retry later.";

    private static bool LooksLikeText(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type
        && (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBodyBytes);
            try
            {
                var total = 0;
                int read;
                while (total < MaxErrorBodyBytes
                    && (read = await stream.ReadAsync(buffer.AsMemory(total, MaxErrorBodyBytes - total), cancellationToken).ConfigureAwait(false)) > 0)
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
