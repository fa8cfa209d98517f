using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Http.InlineData;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Reads <c>:streamGenerateContent?alt=sse</c>: each <c>data:</c> event is a whole <c>GenerateContentResponse</c>, parsed
/// while it arrives through <see cref="SseEventReader"/>, so an inline image is decoded straight into its buffer and
/// never held as base64. An idle timeout, re-armed by every event, catches a stalled stream; an <c>{"error": ...}</c>
/// event becomes the same typed exception as an HTTP error.
/// </summary>
internal static class GeminiEventStream
{
    private const string Provider = GeminiImageClient.ProviderId;

    public static async IAsyncEnumerable<GeminiGenerateContentResponse> ReadAsync(
        HttpResponseMessage response,
        TimeSpan idleTimeout,
        TimeProvider timeProvider,
        string? apiKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(idleTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        await using var _ = stream.ConfigureAwait(false);
        using var events = new SseEventReader(stream);
        while (true)
        {
            InlineDataDocument? document;
            try
            {
                document = await events.MoveNextAsync(linked.Token).ConfigureAwait(false)
                    ? await InlineDataJsonReader.ReadAsync(events.Data, null, GeminiTransport.InlineDataOptions, linked.Token).ConfigureAwait(false)
                    : null;
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && idle.IsCancellationRequested)
            {
                throw new NanoBananaTimeoutException(
                    $"{Provider} sent no stream chunk for {idleTimeout}; the stream was abandoned. Raise StreamIdleTimeout if the model is slow.", e)
                {
                    Provider = Provider,
                    IsTransient = true,
                };
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && Unreadable(e) is { } failure)
            {
                throw failure;
            }

            if (document is null)
            {
                yield break;
            }

            idle.CancelAfter(idleTimeout);
            var chunk = Parse(document);
            if (chunk.Error is { } error)
            {
                throw await ErrorAsync(error, document.Skeleton, timeProvider, apiKey, cancellationToken).ConfigureAwait(false);
            }

            yield return chunk.Response!;
        }
    }

    /// <summary>The stream ended before the answer did: the job may still have run and been charged.</summary>
    public static NanoBananaException Interrupted(string reason, Exception? inner = null) => new(
        $"The {Provider} stream was cut off before the answer was complete ({reason}). The job may have been charged; Gemini keeps no job to resume, " +
        "so send the request again if you need the image.",
        inner)
    {
        Provider = Provider,
        ErrorCode = SseJsonReader.InterruptedCode,
        IsTransient = true,
    };

    /// <summary>A failure while an event was read: a cut connection or a cut event is an interruption, anything else unreadable.</summary>
    private static NanoBananaException? Unreadable(Exception e) => e switch
    {
        IOException or HttpRequestException or InlineDataFormatException { IsTruncated: true } => Interrupted(e.Message, e),
        InlineDataFormatException => CouldNotRead(e),
        _ => null,
    };

    private static Chunk Parse(InlineDataDocument document)
    {
        try
        {
            var wire = GeminiTransport.ParseWire(document);
            return wire.Error is { } error ? new Chunk(null, error) : new Chunk(wire.ToResponse(document.GetBytes), null);
        }
        catch (Exception e) when (e is InlineDataFormatException or JsonException)
        {
            throw CouldNotRead(e);
        }
    }

    private static NanoBananaException CouldNotRead(Exception e) =>
        new($"{Provider} sent a stream chunk the SDK could not read ({e.Message}).", e) { Provider = Provider };

    /// <summary>Maps an error event exactly as the same body on an HTTP error response would be mapped.</summary>
    private static async Task<NanoBananaException> ErrorAsync(
        GeminiErrorStatus error, ReadOnlyMemory<byte> json, TimeProvider timeProvider, string? apiKey, CancellationToken cancellationToken)
    {
        var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = new HttpResponseMessage((HttpStatusCode)(error.Code is >= 400 and < 600 ? error.Code.Value : 500)) { Content = content };
        return await HttpErrorMapper.CreateAsync(response, Provider, GeminiErrorParser.Instance, timeProvider, apiKey, null, cancellationToken)
            .ConfigureAwait(false);
    }

    private sealed record Chunk(GeminiGenerateContentResponse? Response, GeminiErrorStatus? Error);
}
