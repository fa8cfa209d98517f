using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>The <c>mode: "sync"</c> answer: success, the HTTP 200 content-safety "warning", or a 500 failure.</summary>
internal static class SyncResponse
{
    public static Task WriteAsync(HttpContext context, AcceptedGeneration generation)
    {
        if (generation.ContentWarning)
        {
            return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("success", false);
                writer.WriteBoolean("warning", true);
                writer.WriteString("generationId", generation.Id);
                writer.WriteString("message", NanaNanoBananaErrors.ContentSafetyFailed);
                writer.WriteNumber("creditsUsed", generation.CreditsUsed);
                writer.WriteNumber("remainingCredits", generation.RemainingCredits);
                writer.WriteEndObject();
            });
        }

        // A failed sync generation is a server error; like a failed async job its credits stay charged (assumption).
        if (generation.Outcome.ErrorMessage is { } failure)
        {
            return NanaNanoBananaErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, failure);
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteString("generationId", generation.Id);
            writer.WriteStartArray("imageUrls");
            foreach (var url in generation.Outcome.ImageUrls)
            {
                writer.WriteStringValue(url.AbsoluteUri);
            }

            writer.WriteEndArray();
            writer.WriteNumber("creditsUsed", generation.CreditsUsed);
            writer.WriteNumber("remainingCredits", generation.RemainingCredits);
            writer.WriteEndObject();
        });
    }
}
