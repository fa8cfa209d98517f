using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>
/// The vendor's error bodies. Only the 503 body is documented; every other status uses
/// <c>{"error":"&lt;message&gt;"}</c>, the shape the vendor's own examples read (an assumption).
/// </summary>
internal static class NanaNanoBananaErrors
{
    public const string InvalidApiKey = "Invalid or missing API key";
    public const string InsufficientCredits = "Insufficient credits";
    public const string ContentSafetyFailed = "Content safety check failed";

    public static Task WriteAsync(HttpContext context, int statusCode, string message) =>
        JsonResponse.WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        });

    public static Task WriteUnauthorizedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, InvalidApiKey);

    /// <summary>The documented body for any status, used when a scenario injects a fault.</summary>
    public static Task WriteForStatusAsync(HttpContext context, int statusCode) =>
        statusCode == StatusCodes.Status503ServiceUnavailable
            ? WriteServerBusyAsync(context)
            : WriteAsync(context, statusCode, DefaultMessage(statusCode));

    // The one documented error body (async queue full); 10 is the documented example value.
    private static Task WriteServerBusyAsync(HttpContext context) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", "Server is busy, too many concurrent tasks. Please retry later.");
            writer.WriteString("type", "server_busy");
            writer.WriteNumber("activeTasks", 10);
            writer.WriteEndObject();
        });

    private static string DefaultMessage(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "Invalid request",
        StatusCodes.Status401Unauthorized => InvalidApiKey,
        StatusCodes.Status402PaymentRequired => InsufficientCredits,
        StatusCodes.Status403Forbidden => "API access is not enabled for this account",
        StatusCodes.Status500InternalServerError => "Internal server error",
        _ => ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error",
    };
}
