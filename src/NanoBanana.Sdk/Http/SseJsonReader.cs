using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NanoBanana.Sdk.Http;

/// <summary>
/// Reads a Server-Sent Events body as JSON events through <see cref="SseParser"/>, each parsed from its bytes.
/// An idle timeout, re-armed by every event, catches a stalled stream; a size limit on the whole stream keeps a
/// runaway event (the parser holds a line until it ends) from growing without bound.
/// </summary>
internal static class SseJsonReader
{
    /// <summary>The error code of the exception thrown when the connection ends mid-stream.</summary>
    public const string InterruptedCode = "stream_interrupted";

    /// <summary>Progress events are a few hundred bytes and a job sends at most hundreds, so a longer stream is not one.</summary>
    public const long MaxStreamBytes = 16L * 1024 * 1024;

    public static async IAsyncEnumerable<T> ReadAsync<T>(
        HttpResponseMessage response,
        JsonTypeInfo<T> eventType,
        TimeSpan idleTimeout,
        TimeProvider timeProvider,
        string provider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(idleTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var stream = new BoundedReadStream(await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false), MaxStreamBytes);
        await using var _ = stream.ConfigureAwait(false);

        var parser = SseParser.Create(stream, (_, data) => Parse(data, eventType, provider));
        var events = parser.EnumerateAsync(linked.Token).GetAsyncEnumerator(linked.Token);
        await using var __ = events.ConfigureAwait(false);
        while (true)
        {
            try
            {
                if (!await events.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && idle.IsCancellationRequested)
            {
                throw new NanoBananaTimeoutException($"{provider} sent no event for {idleTimeout}; the stream was abandoned.", e)
                {
                    Provider = provider,
                    IsTransient = true,
                };
            }
            catch (InvalidDataException e)
            {
                throw new NanoBananaException($"The {provider} event stream passed {MaxStreamBytes / (1024 * 1024)} MiB, far more than any job sends; the SDK stopped reading.", e)
                {
                    Provider = provider,
                };
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw new NanoBananaException($"The {provider} event stream was cut off: {e.Message}", e)
                {
                    Provider = provider,
                    ErrorCode = InterruptedCode,
                    IsTransient = true,
                };
            }

            idle.CancelAfter(idleTimeout);
            yield return events.Current.Data;
        }
    }

    private static T Parse<T>(ReadOnlySpan<byte> data, JsonTypeInfo<T> eventType, string provider)
    {
        try
        {
            return JsonSerializer.Deserialize(data, eventType)
                ?? throw new JsonException("The event was JSON null.");
        }
        catch (JsonException e)
        {
            throw new NanoBananaException($"{provider} sent a stream event the SDK could not read ({e.Message}).", e) { Provider = provider };
        }
    }
}
