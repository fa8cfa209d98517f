using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// <c>GET /api/v1/images/{task_id}</c>: the status path the SDK assumes (the vendor documents none), answering in the
/// shape public clients read, <c>{"success": true, "data": {task_id, status, image_url, error}}</c>. Each call counts as one poll.
/// </summary>
internal sealed class TaskEndpoint(EmulatorState state, BananaProTaskStore tasks)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!await BananaProAuth.CheckAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var id = context.Request.RouteValues["taskId"] as string ?? string.Empty;
        if (!tasks.TryGet(id, out var task))
        {
            await BananaProErrors.WriteAsync(context, StatusCodes.Status404NotFound, BananaProErrors.NotFound, "Task not found").ConfigureAwait(false);
            return;
        }

        var status = task.Poll();
        var outcome = task.Job.Outcome;
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteStartObject("data");
            writer.WriteString("task_id", task.Job.Id);
            writer.WriteString("status", status);
            if (status == "completed")
            {
                writer.WriteString("image_url", outcome.ImageUrls[0].AbsoluteUri);
            }
            else
            {
                writer.WriteNull("image_url");
            }

            if (status == "failed")
            {
                writer.WriteString("error", outcome.ErrorMessage);
            }
            else
            {
                writer.WriteNull("error");
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
