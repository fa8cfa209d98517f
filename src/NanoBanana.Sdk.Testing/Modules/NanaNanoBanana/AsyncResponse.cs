using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>The <c>mode: "async"</c> answer: the job is accepted and charged; its result comes from polling.</summary>
internal static class AsyncResponse
{
    // Verbatim from the docs, placeholder included: the documented example does not substitute the id.
    private const string StartedMessage = "Generation started. Use GET /api/v1/generate?id={generationId} to poll for results.";

    public static Task WriteAsync(HttpContext context, AcceptedGeneration generation) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteBoolean("async", true);
            writer.WriteString("generationId", generation.Id);
            writer.WriteString("message", StartedMessage);
            writer.WriteNumber("creditsUsed", generation.CreditsUsed);
            writer.WriteNumber("remainingCredits", generation.RemainingCredits);
            writer.WriteEndObject();
        });
}
