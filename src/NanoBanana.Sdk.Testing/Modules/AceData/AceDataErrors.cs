using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>
/// The documented error body <c>{"success": false, "error": {"code", "message"}, "trace_id"}</c> and its codes. The codes
/// for 402 (<c>used_up</c>), a content block (403 <c>forbidden</c>) and other 403s (<c>disabled</c>) are not in the vendor's
/// docs: they are the ones Ace Data's own SDK and web app know (see docs/providers/acedata.md).
/// </summary>
internal static class AceDataErrors
{
    public const string TokenMismatched = "token_mismatched";
    public const string ApiNotImplemented = "api_not_implemented";
    public const string InvalidToken = "invalid_token";
    public const string TooManyRequests = "too_many_requests";
    public const string ApiError = "api_error";
    public const string UsedUp = "used_up";
    public const string Forbidden = "forbidden";
    public const string Disabled = "disabled";

    public const string ContentBlockedMessage = "The generated image was blocked by the content safety policy.";
    public const string PromptBlockedMessage = "The prompt was rejected by the content safety policy.";

    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message, string traceId) =>
        JsonResponse.WriteAsync(context, statusCode, writer => AceDataBodies.WriteError(writer, taskId: null, code, message, traceId));

    public static Task WriteUnauthorizedAsync(HttpContext context, AceDataIds ids) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, InvalidToken, "The token is missing or invalid.", ids.NextTrace());

    public static Task WriteBadRequestAsync(HttpContext context, string message, AceDataIds ids) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, TokenMismatched, message, ids.NextTrace());

    /// <summary>The body for any status, used when a scenario injects a fault.</summary>
    public static Task WriteForStatusAsync(HttpContext context, int statusCode, AceDataIds ids)
    {
        var (code, message) = statusCode switch
        {
            StatusCodes.Status400BadRequest => (TokenMismatched, "Invalid request parameters."),
            StatusCodes.Status401Unauthorized => (InvalidToken, "The token is missing or invalid."),
            StatusCodes.Status402PaymentRequired => (UsedUp, "The balance of this application is used up."),
            StatusCodes.Status403Forbidden => (Disabled, "This application is disabled for the API."),
            StatusCodes.Status429TooManyRequests => (TooManyRequests, "Too many requests, please slow down."),
            >= 500 => (ApiError, "Internal server error."),
            _ => (TokenMismatched, "Invalid request."),
        };
        return WriteAsync(context, statusCode, code, message, ids.NextTrace());
    }
}
