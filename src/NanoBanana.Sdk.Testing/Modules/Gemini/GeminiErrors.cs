using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Google's error body, a <c>google.rpc.Status</c>: <c>{"error":{"code","message","status","details"?}}</c>, with the
/// HTTP ↔ status pairs of protocols/gemini-official.md. The default messages are the ones Google's front end sends.
/// </summary>
internal static class GeminiErrors
{
    private const string RetryInfoType = "type.googleapis.com/google.rpc.RetryInfo";
    private const string ErrorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";

    /// <summary>Sends the error body for <paramref name="statusCode"/>; <paramref name="writeDetails"/> adds items to <c>details</c>.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message, Action<Utf8JsonWriter>? writeDetails = null) =>
        JsonResponse.WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteNumber("code", statusCode);
            writer.WriteString("message", message);
            writer.WriteString("status", StatusName(statusCode));
            if (writeDetails is not null)
            {
                writer.WriteStartArray("details");
                writeDetails(writer);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task WriteInvalidArgumentAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, message);

    public static Task WriteNotFoundAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status404NotFound, message);

    /// <summary>A wrong key in <c>x-goog-api-key</c> or <c>?key=</c>: Google answers 400 with reason <c>API_KEY_INVALID</c>.</summary>
    public static Task WriteInvalidApiKeyAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "API key not valid. Please pass a valid API key.", writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@type", ErrorInfoType);
            writer.WriteString("reason", "API_KEY_INVALID");
            writer.WriteString("domain", "googleapis.com");
            writer.WriteStartObject("metadata");
            writer.WriteString("service", "generativelanguage.googleapis.com");
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary>A wrong <c>Authorization</c> credential: Google answers 401 for a token it cannot accept.</summary>
    public static Task WriteInvalidBearerAsync(HttpContext context) =>
        WriteAsync(
            context,
            StatusCodes.Status401Unauthorized,
            "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");

    /// <summary>No credential at all: Google answers 403 to unregistered callers.</summary>
    public static Task WriteMissingCredentialsAsync(HttpContext context) =>
        WriteAsync(
            context,
            StatusCodes.Status403Forbidden,
            "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");

    /// <summary>
    /// The body for an injected fault. A 429 carries <c>RetryInfo</c> with the fault's delay, read back from the
    /// <c>Retry-After</c> header the scenario middleware has already set; without one it carries no details.
    /// </summary>
    public static Task WriteForStatusAsync(HttpContext context, int statusCode)
    {
        if (statusCode == StatusCodes.Status429TooManyRequests
            && long.TryParse(context.Response.Headers[HeaderNames.RetryAfter].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WriteAsync(context, statusCode, DefaultMessage(statusCode), writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("@type", RetryInfoType);
                writer.WriteString("retryDelay", seconds.ToString(CultureInfo.InvariantCulture) + "s");
                writer.WriteEndObject();
            });
        }

        return WriteAsync(context, statusCode, DefaultMessage(statusCode));
    }

    /// <summary>The <c>google.rpc.Code</c> name Google pairs with an HTTP status; <c>UNKNOWN</c> where it pairs none.</summary>
    public static string StatusName(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "INVALID_ARGUMENT",
        StatusCodes.Status401Unauthorized => "UNAUTHENTICATED",
        StatusCodes.Status403Forbidden => "PERMISSION_DENIED",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status409Conflict => "ABORTED",
        StatusCodes.Status429TooManyRequests => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        StatusCodes.Status500InternalServerError => "INTERNAL",
        StatusCodes.Status501NotImplemented => "UNIMPLEMENTED",
        StatusCodes.Status503ServiceUnavailable => "UNAVAILABLE",
        StatusCodes.Status504GatewayTimeout => "DEADLINE_EXCEEDED",
        _ => "UNKNOWN",
    };

    private static string DefaultMessage(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "Request contains an invalid argument.",
        StatusCodes.Status401Unauthorized => "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
        StatusCodes.Status403Forbidden => "The caller does not have permission",
        StatusCodes.Status404NotFound => "Requested entity was not found.",
        StatusCodes.Status429TooManyRequests => "Resource has been exhausted (e.g. check quota).",
        StatusCodes.Status500InternalServerError => "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
        StatusCodes.Status503ServiceUnavailable => "The model is overloaded. Please try again later.",
        StatusCodes.Status504GatewayTimeout => "Deadline expired before operation could complete.",
        _ => ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error",
    };
}
