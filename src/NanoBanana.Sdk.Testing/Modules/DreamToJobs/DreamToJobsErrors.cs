using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>
/// Error bodies. The vendor documents none; the emulator answers in the OpenAI style the job API's
/// <c>object: "job"</c> shape suggests: <c>{"error": {"message", "type", "code"}}</c> (an assumption the client shares).
/// </summary>
internal static class DreamToJobsErrors
{
    public const string ContentViolationCode = "content_violation";
    public const string ContentViolationMessage = "The output was blocked by the content-safety check.";
    public const string PromptBlockedMessage = "The prompt was blocked by the content-safety check.";
    public const string GenerationFailedCode = "generation_failed";

    public static Task WriteAsync(HttpContext context, int statusCode, string message) =>
        JsonResponse.WriteAsync(context, statusCode, writer =>
        {
            var (type, code) = Classify(statusCode);
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", message);
            writer.WriteString("type", type);
            writer.WriteString("code", code);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task WriteUnauthorizedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Invalid API key.");

    public static Task WriteBadRequestAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, message);

    /// <summary>The body for any status, used when a scenario injects a fault.</summary>
    public static Task WriteForStatusAsync(HttpContext context, int statusCode) =>
        WriteAsync(context, statusCode, DefaultMessage(statusCode));

    private static (string Type, string Code) Classify(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => ("invalid_request_error", "invalid_request"),
        StatusCodes.Status401Unauthorized => ("authentication_error", "invalid_api_key"),
        StatusCodes.Status402PaymentRequired => ("billing_error", "insufficient_quota"),
        StatusCodes.Status403Forbidden => ("permission_error", "permission_denied"),
        StatusCodes.Status404NotFound => ("invalid_request_error", "not_found"),
        StatusCodes.Status429TooManyRequests => ("rate_limit_error", "rate_limit_exceeded"),
        StatusCodes.Status503ServiceUnavailable => ("server_error", "service_unavailable"),
        _ => ("server_error", "internal_error"),
    };

    private static string DefaultMessage(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "Invalid request.",
        StatusCodes.Status401Unauthorized => "Invalid API key.",
        StatusCodes.Status402PaymentRequired => "Insufficient balance.",
        StatusCodes.Status403Forbidden => "This key may not use this API.",
        StatusCodes.Status429TooManyRequests => "Rate limit exceeded.",
        StatusCodes.Status503ServiceUnavailable => "The service is busy; retry later.",
        StatusCodes.Status500InternalServerError => "Internal server error.",
        _ => ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase + "." : "Error.",
    };
}
