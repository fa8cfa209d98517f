using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// The vendor's one error shape, <c>{"success": false, "error": {"code", "message"}, "request_id"}</c>. Only the 401's
/// <c>unauthorized</c> code and message are documented; the other codes and messages, and <c>request_id</c> on errors,
/// are assumptions.
/// </summary>
internal static class BananaProErrors
{
    public const string InvalidRequest = "invalid_request";
    public const string NotFound = "not_found";

    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message) =>
        JsonResponse.WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", false);
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteString("request_id", NewRequestId());
            writer.WriteEndObject();
        });

    public static Task WriteBadRequestAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, InvalidRequest, message);

    /// <summary>The body for any status, used by the endpoints and when a scenario injects a fault.</summary>
    public static Task WriteForStatusAsync(HttpContext context, int statusCode)
    {
        var (code, message) = statusCode switch
        {
            StatusCodes.Status400BadRequest => (InvalidRequest, "Invalid or malformed parameters"),
            StatusCodes.Status401Unauthorized => ("unauthorized", "Invalid or missing API key"),
            StatusCodes.Status402PaymentRequired => ("insufficient_credits", "Not enough credits in the API wallet"),
            StatusCodes.Status403Forbidden => ("forbidden", "API access is not approved for this account"),
            StatusCodes.Status404NotFound => (NotFound, "Resource not found"),
            StatusCodes.Status429TooManyRequests => ("rate_limit_exceeded", "Too many requests, please back off"),
            _ => ("server_error", "Internal server error"),
        };
        return WriteAsync(context, statusCode, code, message);
    }

    /// <summary>A <c>req_</c> id in the style of the balances example.</summary>
    public static string NewRequestId() => "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
