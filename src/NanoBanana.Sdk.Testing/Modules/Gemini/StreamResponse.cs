using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// The <c>:streamGenerateContent</c> answer. <c>Scenario.DropStreamAfterEvents</c> cuts the connection after that
/// many chunks and always before the last one (the chunk with the finish reason and usage), like the other modules.
/// </summary>
internal static class StreamResponse
{
    public static async Task WriteAsync(HttpContext context, GeminiGeneration generation, bool serverSentEvents, int? dropAfter)
    {
        var stream = await ChunkStream.StartAsync(context, serverSentEvents).ConfigureAwait(false);
        var last = GenerateContentResponseJson.ChunkCount(generation) - 1;
        var sent = 0;
        foreach (var chunk in GenerateContentResponseJson.Chunks(generation))
        {
            // A truncated stream never reaches its last chunk, however few chunks it had.
            if (sent == dropAfter || (sent == last && dropAfter is not null))
            {
                ServerSentEventStream.Drop();
            }

            await stream.WriteAsync(chunk).ConfigureAwait(false);
            sent++;
        }

        await stream.CompleteAsync().ConfigureAwait(false);
    }
}
