using System.Text.Json;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Http.InlineData;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// Sends a job request and reads the job from the network stream as it arrives: inline base64 images are decoded
/// straight into their final buffers (DESIGN.md section 9), everything else is parsed with the source-generated context.
/// The call's budget covers the body too, not only the headers. A <c>Retry-After</c> header is returned beside the job,
/// so a poll can honour it.
/// </summary>
internal sealed class DreamToJobsResponseReader(string provider, ProviderHttpClient http, TimeProvider timeProvider)
{
    public async Task<(DreamToJob Job, TimeSpan? RetryAfter)> SendAsync(HttpRequestMessage request, RequestSpec spec, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(spec.Budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            // A status read whose body breaks off is sent again by the HTTP client; a submit never is.
            return await http.SendForJsonAsync(request, spec, (response, token) => ReadJobAsync(response, spec, token), linked.Token).ConfigureAwait(false);
        }
        catch (InlineDataFormatException e)
        {
            throw CutOff(spec, e.Message, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && budget.IsCancellationRequested)
        {
            throw new NanoBananaTimeoutException(
                $"{provider} did not finish {spec.Description} within {spec.Budget}.{ProviderHttpClient.AcceptedNote(spec)} Raise the provider's timeout option if the vendor is slow.", e)
            {
                Provider = provider,
                OperationId = spec.OperationId,
                IsTransient = true,
            };
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new NanoBananaException($"The connection to {provider} broke while reading {spec.Description}: {e.Message}.{ProviderHttpClient.AcceptedNote(spec)}", e)
            {
                Provider = provider,
                OperationId = spec.OperationId,
                IsTransient = true,
            };
        }
    }

    private async Task<(DreamToJob Job, TimeSpan? RetryAfter)> ReadJobAsync(HttpResponseMessage response, RequestSpec spec, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            try
            {
                var document = await InlineDataJsonReader.ReadAsync(
                    body, response.Content.Headers.ContentLength, DreamToJobInlineImages.ReaderOptions, cancellationToken).ConfigureAwait(false);
                var job = JsonSerializer.Deserialize(document.Skeleton.Span, DreamToJobsJsonContext.Default.DreamToJob)
                    ?? throw http.Unreadable(response, spec, "the body was JSON null", null);
                return (DreamToJobInlineImages.Resolve(job, document), RetryAfterHeader.Read(response, timeProvider));
            }
            catch (Exception e) when (e is JsonException or InlineDataFormatException { IsTruncated: false })
            {
                throw http.Unreadable(response, spec, e.Message, e);
            }
        }
    }

    private NanoBananaException CutOff(RequestSpec spec, string reason, Exception inner) =>
        new($"The {provider} answer to {spec.Description} was cut off ({SensitiveText.Sanitize(reason, spec.ApiKey)}).{ProviderHttpClient.AcceptedNote(spec)}", inner)
        {
            Provider = provider,
            OperationId = spec.OperationId,
            ErrorCode = SseJsonReader.InterruptedCode,
            IsTransient = true,
        };
}
