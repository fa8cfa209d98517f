using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Recording;

/// <summary>
/// The first step of the pipeline: captures each request with its raw body before anything can reject it,
/// then hands the buffered body on so handlers read the same bytes.
/// </summary>
internal sealed class RequestRecordingMiddleware(RequestRecorder recorder, TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.ToFrozenDictionary(
            header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(
            request.Method,
            request.PathBase.Add(request.Path).Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            headers,
            body,
            timeProvider.GetUtcNow());

        recorder.Add(recorded);
        context.Features.Set(recorded);
        request.Body = new MemoryStream(body, writable: false);
        await next(context).ConfigureAwait(false);
    }

    /// <summary>The recorded request of the current HTTP exchange.</summary>
    public static RecordedRequest Current(HttpContext context) =>
        context.Features.Get<RecordedRequest>() ?? throw new InvalidOperationException("The request was not recorded.");

    // Kestrel's request body size limit bounds this read; the declared length only sizes the first buffer.
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const long MaxInitialCapacity = 1 << 20;
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, MaxInitialCapacity));
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
