using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// The documented error body, <c>{"code": 400, "message": "Invalid request", "data": {"error": "..."}}</c>, for every status.
/// Only the 400 example is documented; the other messages follow the vendor's error tables (an assumption).
/// </summary>
internal static class ApixoErrors
{
    public const string InvalidRequest = "Invalid request";
    public const string NotFound = "Not found";

    public static Task WriteAsync(HttpContext context, int statusCode, string message, string error) =>
        JsonResponse.WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", statusCode);
            writer.WriteString("message", message);
            writer.WriteStartObject("data");
            writer.WriteString("error", error);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task WriteBadRequestAsync(HttpContext context, string error) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, InvalidRequest, error);

    public static Task WriteUnauthorizedAsync(HttpContext context) => WriteForStatusAsync(context, StatusCodes.Status401Unauthorized);

    /// <summary>The body for any status, used for authentication failures and injected faults.</summary>
    public static Task WriteForStatusAsync(HttpContext context, int statusCode)
    {
        var (message, error) = statusCode switch
        {
            StatusCodes.Status400BadRequest => (InvalidRequest, "Invalid parameters"),
            StatusCodes.Status401Unauthorized => ("Unauthorized", "Invalid or missing API key"),
            StatusCodes.Status402PaymentRequired => ("Payment required", "Insufficient balance"),
            StatusCodes.Status403Forbidden => ("Forbidden", "API key lacks permission for this model"),
            StatusCodes.Status404NotFound => (NotFound, "Model or task not found"),
            StatusCodes.Status429TooManyRequests => ("Rate limit exceeded", "Too many requests (10000/minute, 1000 concurrent tasks). Wait and retry."),
            StatusCodes.Status500InternalServerError => ("Internal server error", "Retry after a few seconds"),
            StatusCodes.Status503ServiceUnavailable => ("Service unavailable", "Model temporarily unavailable"),
            _ => (ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error", "Request failed"),
        };

        return WriteAsync(context, statusCode, message, error);
    }
}
