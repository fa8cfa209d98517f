using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>
/// The <c>mode: "stream"</c> answer: status events, then one <c>complete</c> or <c>error</c> event.
/// The generation id appears only in <c>complete</c> (where the vendor CLI reads it), never in status events.
/// </summary>
internal static class StreamResponse
{
    private const string ProcessingMessage = "Processing...";

    public static async Task WriteAsync(HttpContext context, AcceptedGeneration generation)
    {
        var stream = await ServerSentEventStream.StartAsync(context).ConfigureAwait(false);
        var dropAfter = generation.Scenario.DropStreamAfterEvents;
        var sent = 0;
        foreach (var (message, progress) in StatusEvents(generation.Scenario.StreamStatusEvents))
        {
            if (sent == dropAfter)
            {
                ServerSentEventStream.Drop();
            }

            await stream.WriteDataAsync(StatusEvent(message, progress)).ConfigureAwait(false);
            sent++;
        }

        // A truncated stream never reaches its final event, however few status events it had.
        if (dropAfter is not null)
        {
            ServerSentEventStream.Drop();
        }

        var final = generation.Outcome.ErrorMessage is { } error ? ErrorEvent(error) : CompleteEvent(generation);
        await stream.WriteDataAsync(final).ConfigureAwait(false);
    }

    /// <summary>
    /// "Starting generation..." at 0, then rising progress; from three events on, one of them is a heartbeat
    /// at progress 0 right after the first rise, because the vendor's heartbeats reset progress.
    /// </summary>
    private static IEnumerable<(string Message, int Progress)> StatusEvents(int count)
    {
        if (count == 0)
        {
            yield break;
        }

        yield return ("Starting generation...", 0);
        var hasHeartbeat = count >= 3;
        var rises = count - 1 - (hasHeartbeat ? 1 : 0);
        for (var rise = 1; rise <= rises; rise++)
        {
            yield return (ProcessingMessage, rise * 100 / (rises + 1));
            if (rise == 1 && hasHeartbeat)
            {
                yield return (ProcessingMessage, 0);
            }
        }
    }

    private static ReadOnlyMemory<byte> StatusEvent(string message, int progress) => JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "status");
        writer.WriteString("message", message);
        writer.WriteNumber("progress", progress);
        writer.WriteEndObject();
    });

    private static ReadOnlyMemory<byte> CompleteEvent(AcceptedGeneration generation) => JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "complete");
        writer.WriteString("message", "Generation complete");
        writer.WriteNumber("progress", 100);
        writer.WriteStartObject("data");
        writer.WriteBoolean("success", true);
        writer.WriteStartArray("imageUrls");
        foreach (var url in generation.Outcome.ImageUrls)
        {
            writer.WriteStringValue(url.AbsoluteUri);
        }

        writer.WriteEndArray();
        writer.WriteString("generationId", generation.Id);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static ReadOnlyMemory<byte> ErrorEvent(string error) => JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "error");
        writer.WriteString("message", "Generation failed");
        writer.WriteNumber("progress", 0);
        writer.WriteStartObject("data");
        writer.WriteBoolean("success", false);
        writer.WriteString("error", error);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });
}
