using System.Text.Json;
using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Http.InlineData;
using NanoBanana.Sdk.Telemetry;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Sends through <see cref="ProviderHttpClient"/> and reads answers that carry inline images: the body is parsed as it
/// arrives, base64 decoded straight into the final buffer, within what is left of the call's budget, and every failure
/// while reading becomes a typed exception.
/// </summary>
internal sealed class GeminiTransport(ProviderHttpClient http, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Lifts every long <c>data</c> value (<c>inlineData.data</c>) out of the JSON as a decoded blob.</summary>
    public static readonly InlineDataReaderOptions InlineDataOptions = new("data");

    private const string Provider = GeminiImageClient.ProviderId;

    public ProviderHttpClient Http => http;

    /// <summary>Sends a <c>generateContent</c> call and reads its answer.</summary>
    public Task<GeminiGenerateContentResponse> GenerateContentAsync(HttpRequestMessage request, RequestSpec spec, CancellationToken cancellationToken) =>
        ReadJsonAsync(request, spec, ReadResponseAsync, cancellationToken);

    /// <summary>Sends a request and reads its body with <paramref name="read"/> in the rest of the budget.</summary>
    public Task<T> SendAsync<T>(
        HttpRequestMessage request, RequestSpec spec, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        SendOnceThenReadAsync(request, spec, http.SendForStreamAsync, read, cancellationToken);

    /// <summary>Like <see cref="SendAsync{T}"/> for a JSON answer: an HTML page or an empty body is refused before <paramref name="read"/> runs.</summary>
    public Task<T> ReadJsonAsync<T>(
        HttpRequestMessage request, RequestSpec spec, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        SendOnceThenReadAsync(request, spec, http.SendForJsonAsync, read, cancellationToken);

    /// <summary>Turns a failure while reading a body into the SDK's exception; <see langword="null"/> leaves it as it is.</summary>
    /// <param name="e">The failure.</param>
    /// <param name="spec">The call.</param>
    /// <param name="budgetExpired">Whether the call's budget ran out.</param>
    /// <param name="callerToken">The caller's token: its cancellation is left as it is.</param>
    /// <param name="response">The answer being read, if any, so a body that is not JSON is described by its content type.</param>
    public NanoBananaException? Translate(Exception e, RequestSpec spec, bool budgetExpired, CancellationToken callerToken, HttpResponseMessage? response = null)
    {
        if (e is NanoBananaException || callerToken.IsCancellationRequested)
        {
            return null;
        }

        if (response is not null && e is JsonException or InlineDataFormatException { IsTruncated: false })
        {
            return http.Unreadable(response, spec, e.Message, e);
        }

        var charged = spec.Kind == HttpRequestKind.Submit;
        NanoBananaException? translated = e switch
        {
            OperationCanceledException when budgetExpired => new NanoBananaTimeoutException(
                $"{Provider} did not finish {spec.Description} within {spec.Budget}.{(charged ? " The vendor may have run and charged the job; it was not resent." : string.Empty)} " +
                "Raise the provider's timeout option if the model is slow.", e)
            { IsTransient = true },
            InlineDataFormatException { IsTruncated: true } or IOException or HttpRequestException => new NanoBananaException(
                $"The {Provider} answer to {spec.Description} was cut off ({e.Message}).{(charged ? " The job may have been charged; it was not resent." : string.Empty)}", e)
            { ErrorCode = SseJsonReader.InterruptedCode, IsTransient = true },
            InlineDataFormatException or JsonException => new NanoBananaException(
                $"{Provider} answered {spec.Description} with a body the SDK could not read ({e.Message}).", e),
            _ => null,
        };

        if (translated is null)
        {
            return null;
        }

        Log.RequestFailed(logger, Provider, translated.Message);
        return translated.With<NanoBananaException>(facts =>
        {
            facts.Provider = Provider;
            facts.OperationId = spec.OperationId;
        });
    }

    /// <summary>Sends once and reads the body in what is left of the budget; a body that breaks off is reported, never re-sent (a generation is paid).</summary>
    private async Task<T> SendOnceThenReadAsync<T>(
        HttpRequestMessage request,
        RequestSpec spec,
        Func<HttpRequestMessage, RequestSpec, CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var response = await send(request, spec, cancellationToken).ConfigureAwait(false);
        var remaining = spec.Budget - timeProvider.GetElapsedTime(started);
        using var budget = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await read(response, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, spec, budget.IsCancellationRequested, cancellationToken, response) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Parses one JSON answer whose inline data has already been lifted out, and builds the public record over the blobs.</summary>
    public static GeminiGenerateContentResponse Parse(InlineDataDocument document) =>
        ParseWire(document).ToResponse(document.GetBytes);

    public static GeminiWireResponse ParseWire(InlineDataDocument document) =>
        JsonSerializer.Deserialize(document.Skeleton.Span, GeminiJsonContext.Default.GeminiWireResponse)
        ?? throw new JsonException("The body was JSON null.");

    /// <summary>
    /// Reads a <c>generateContent</c> answer, decoding every inline image into a stream <paramref name="openDestination"/>
    /// opens as the image starts, so it reaches its destination while it arrives; each stream is disposed when its image ends.
    /// </summary>
    /// <returns>The answer's skeleton, each image a <c>"#blob:N"</c> placeholder, and the decoded length of each image by index.</returns>
    /// <exception cref="InlineDataFormatException">An image is not base64, the JSON is malformed, or the body ended early.</exception>
    public static async Task<(GeminiWireResponse Wire, IReadOnlyList<long> Lengths)> ReadToDestinationsAsync(
        HttpResponseMessage response, Func<GeminiImagePartInfo, Stream> openDestination, CancellationToken cancellationToken)
    {
        var sinks = new List<InlineDataSink>();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var document = await InlineDataJsonReader.ReadAsync(
                body, response.Content.Headers.ContentLength, InlineDataOptions, image => OpenSink(image, openDestination, sinks), cancellationToken)
                .ConfigureAwait(false);
            return (ParseWire(document), [.. sinks.Select(sink => sink.BytesWritten)]);
        }
    }

    /// <summary>Every <c>data</c> value is an image here, so each gets a destination; its index is its placeholder's.</summary>
    private static InlineDataSink OpenSink(InlineDataBlobInfo image, Func<GeminiImagePartInfo, Stream> openDestination, List<InlineDataSink> sinks)
    {
        var destination = openDestination(new GeminiImagePartInfo(image.Index, image.MediaType))
            ?? throw new InvalidOperationException($"The destination factory returned no stream for image {image.Index}.");
        var sink = new InlineDataSink(destination, leaveOpen: false);
        sinks.Add(sink);
        return sink;
    }

    private static async Task<GeminiGenerateContentResponse> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var document = await InlineDataJsonReader.ReadAsync(body, response.Content.Headers.ContentLength, InlineDataOptions, cancellationToken)
                .ConfigureAwait(false);
            return Parse(document);
        }
    }
}
