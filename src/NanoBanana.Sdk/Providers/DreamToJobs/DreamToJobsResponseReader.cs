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
            using var response = await http.SendForStreamAsync(request, spec, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var document = await InlineDataJsonReader.ReadAsync(
                    body, response.Content.Headers.ContentLength, DreamToJobInlineImages.ReaderOptions, linked.Token).ConfigureAwait(false);
                var job = JsonSerializer.Deserialize(document.Skeleton.Span, DreamToJobsJsonContext.Default.DreamToJob)
                    ?? throw Unreadable(spec, "the body was JSON null", null, transient: false);
                return (DreamToJobInlineImages.Resolve(job, document), RetryAfterHeader.Read(response, timeProvider));
            }
        }
        catch (InlineDataFormatException e)
        {
            throw Unreadable(spec, e.Message, e, transient: e.IsTruncated);
        }
        catch (JsonException e)
        {
            throw Unreadable(spec, e.Message, e, transient: false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && budget.IsCancellationRequested)
        {
            throw new NanoBananaTimeoutException(
                $"{provider} did not finish {spec.Description} within {spec.Budget}. Raise the provider's timeout option if the vendor is slow.", e)
            {
                Provider = provider,
                OperationId = spec.OperationId,
                IsTransient = true,
            };
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new NanoBananaException($"The connection to {provider} broke while reading {spec.Description}: {e.Message}.", e)
            {
                Provider = provider,
                OperationId = spec.OperationId,
                IsTransient = true,
            };
        }
    }

    private NanoBananaException Unreadable(RequestSpec spec, string reason, Exception? inner, bool transient) =>
        new($"{provider} answered {spec.Description} with a body the SDK could not read ({SensitiveText.Sanitize(reason, spec.ApiKey)}).", inner)
        {
            Provider = provider,
            OperationId = spec.OperationId,
            IsTransient = transient,
        };
}
