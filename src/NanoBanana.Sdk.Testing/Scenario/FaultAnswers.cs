using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Scenario;

/// <summary>Writes the answers of the faults that reply in the vendor's place, so the request is never run.</summary>
internal static class FaultAnswers
{
    private const int OversizedChunk = 64 * 1024;

    // Complete but invalid: a body cut short is what ResetMidBody sends.
    private const string DefaultMalformedBody = "{\"success\": true, \"data\": {\"id\": oops}}";
    private const string DefaultPlainBody = "OK";

    public static async Task WriteAsync(HttpContext context, EmulatorFault fault, IEmulatorModule? module)
    {
        WriteRetryAfter(context.Response, fault);
        switch (fault.Kind)
        {
            case EmulatorFaultKind.HtmlPage:
                await WriteTextAsync(context, fault.StatusCode, "text/html; charset=utf-8", fault.Body ?? HtmlPage(fault.StatusCode)).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.EmptyBody:
                await JsonResponse.WriteRawAsync(context, fault.StatusCode, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.WrongContentType:
                await WriteTextAsync(context, fault.StatusCode, fault.ContentType ?? "text/plain; charset=utf-8", fault.Body ?? DefaultPlainBody).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.Malformed:
                await JsonResponse.WriteRawAsync(context, fault.StatusCode, Encoding.UTF8.GetBytes(fault.Body ?? DefaultMalformedBody)).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.Oversized:
                await WriteOversizedAsync(context, fault).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.Redirect:
                context.Response.StatusCode = fault.StatusCode;
                context.Response.Headers.Location = fault.RedirectTo!.AbsoluteUri;
                context.Response.ContentLength = 0;
                break;
            default:
                await WriteStatusAsync(context, fault, module).ConfigureAwait(false);
                break;
        }
    }

    private static void WriteRetryAfter(HttpResponse response, EmulatorFault fault)
    {
        if (fault.RetryAfter is TimeSpan retryAfter)
        {
            var seconds = (long)Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds));
            response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        }
        else if (fault.RetryAfterDate is DateTimeOffset date)
        {
            response.Headers[HeaderNames.RetryAfter] = date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        }
    }

    private static async Task WriteStatusAsync(HttpContext context, EmulatorFault fault, IEmulatorModule? module)
    {
        if (fault.Body is not null)
        {
            await JsonResponse.WriteRawAsync(context, fault.StatusCode, Encoding.UTF8.GetBytes(fault.Body)).ConfigureAwait(false);
        }
        else if (module is not null)
        {
            await module.WriteErrorAsync(context, fault.StatusCode).ConfigureAwait(false);
        }
        else
        {
            // Paths outside every vendor API (image files) have no documented error body.
            context.Response.StatusCode = fault.StatusCode;
        }
    }

    private static async Task WriteTextAsync(HttpContext context, int statusCode, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The page nginx serves for an upstream error; a 2xx page is a maintenance notice, as captive portals and CDNs send.</summary>
    private static string HtmlPage(int statusCode)
    {
        var title = statusCode >= 400
            ? $"{statusCode.ToString(CultureInfo.InvariantCulture)} {ReasonPhrases.GetReasonPhrase(statusCode)}"
            : "Scheduled maintenance";
        return $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    /// <summary>
    /// Streams <c>{"padding":"aaa…"}</c> of the fault's length in chunks, without a Content-Length, so only a reader that
    /// counts what it receives can stop it; a client that hangs up ends it.
    /// </summary>
    private static async Task WriteOversizedAsync(HttpContext context, EmulatorFault fault)
    {
        var response = context.Response;
        response.StatusCode = fault.StatusCode;
        response.ContentType = JsonResponse.ContentType;
        var start = "{\"padding\":\""u8.ToArray();
        var end = "\"}"u8.ToArray();
        var chunk = new byte[OversizedChunk];
        Array.Fill(chunk, (byte)'a');
        try
        {
            await response.Body.WriteAsync(start, context.RequestAborted).ConfigureAwait(false);
            for (var left = Math.Max(0, fault.BodyLength - start.Length - end.Length); left > 0; left -= chunk.Length)
            {
                await response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(left, chunk.Length)), context.RequestAborted).ConfigureAwait(false);
            }

            await response.Body.WriteAsync(end, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client stopped reading, which is the point of the fault.
        }
    }
}
