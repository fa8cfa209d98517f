using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Sends <c>:streamGenerateContent</c> chunks as they are made, flushing each one. With <c>alt=sse</c> every chunk is a
/// <c>data: &lt;json&gt;\r\n\r\n</c> event (Google ends lines with CRLF); without it Google streams one JSON array whose
/// elements arrive one by one, and so does the emulator.
/// </summary>
internal sealed class ChunkStream
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ArrayStart = "["u8.ToArray();
    private static readonly byte[] ArraySeparator = ",\r\n"u8.ToArray();
    private static readonly byte[] ArrayEnd = "]"u8.ToArray();

    private readonly HttpContext _context;
    private readonly bool _serverSentEvents;
    private int _written;

    private ChunkStream(HttpContext context, bool serverSentEvents)
    {
        _context = context;
        _serverSentEvents = serverSentEvents;
    }

    /// <summary>Sends the response headers, so the client sees the stream open before the first chunk.</summary>
    public static async Task<ChunkStream> StartAsync(HttpContext context, bool serverSentEvents)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = serverSentEvents ? "text/event-stream" : JsonResponse.ContentType;
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        return new ChunkStream(context, serverSentEvents);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> chunk)
    {
        var body = _context.Response.Body;
        var cancellationToken = _context.RequestAborted;
        var before = _serverSentEvents ? DataPrefix : _written == 0 ? ArrayStart : ArraySeparator;
        await body.WriteAsync(before, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        if (_serverSentEvents)
        {
            await body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
        }

        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
        _written++;
    }

    /// <summary>Closes the JSON array after the last chunk; a server-sent event stream simply ends with the body.</summary>
    public async Task CompleteAsync()
    {
        if (!_serverSentEvents)
        {
            await _context.Response.Body.WriteAsync(ArrayEnd, _context.RequestAborted).ConfigureAwait(false);
        }
    }
}
