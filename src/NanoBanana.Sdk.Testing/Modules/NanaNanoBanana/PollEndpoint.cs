using System.Globalization;
using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Jobs;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary><c>GET /generate?id=</c>: the generation record wrapped in <c>data</c>; each call counts as one poll.</summary>
internal sealed class PollEndpoint(EmulatorState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!NanaNanoBananaAuth.IsAuthorized(context, state.ApiKey))
        {
            await NanaNanoBananaErrors.WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        var id = context.Request.Query["id"].ToString();
        if (id.Length == 0)
        {
            await NanaNanoBananaErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "id is required").ConfigureAwait(false);
            return;
        }

        // The 404 status and message are assumptions: the docs do not describe an unknown id.
        if (!state.Jobs.TryGet(id, out var job))
        {
            await NanaNanoBananaErrors.WriteAsync(context, StatusCodes.Status404NotFound, "Generation not found").ConfigureAwait(false);
            return;
        }

        var status = job.Poll();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteString("id", job.Id);
            writer.WriteString("prompt", job.Prompt);
            if (status == JobStatus.Completed)
            {
                writer.WriteStartArray("outputImageUrls");
                foreach (var url in job.Outcome.ImageUrls)
                {
                    writer.WriteStringValue(url.AbsoluteUri);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNull("outputImageUrls");
            }

            writer.WriteString("modelUsed", job.Model);
            writer.WriteString("processingStatus", StatusWord(status));
            writer.WriteNumber("creditsUsed", job.CreditsUsed);
            writer.WriteString("createdAt", job.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            if (status == JobStatus.Failed)
            {
                writer.WriteString("errorMessage", job.Outcome.ErrorMessage);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static string StatusWord(JobStatus status) => status switch
    {
        JobStatus.Completed => "completed",
        JobStatus.Failed => "failed",
        _ => "processing",
    };
}
