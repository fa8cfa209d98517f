using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Http;

/// <summary>Writes a <c>text/event-stream</c> response made only of <c>data:</c> events, flushing each one.</summary>
internal sealed class ServerSentEventStream
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    private readonly HttpContext _context;

    private ServerSentEventStream(HttpContext context) => _context = context;

    /// <summary>Sends the response headers so the client sees the stream open before the first event.</summary>
    public static async Task<ServerSentEventStream> StartAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        return new ServerSentEventStream(context);
    }

    /// <summary>Sends one <c>data: &lt;json&gt;\n\n</c> event and flushes it to the client.</summary>
    public async Task WriteDataAsync(ReadOnlyMemory<byte> json)
    {
        var body = _context.Response.Body;
        var cancellationToken = _context.RequestAborted;
        await body.WriteAsync(DataPrefix, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cuts the connection mid-stream, as a network failure would. <see cref="HttpContext.Abort"/> is not used:
    /// it discards events still queued for sending, so the client often saw none of them.
    /// </summary>
    [DoesNotReturn]
    public static void Drop() => throw new StreamDroppedException();
}
