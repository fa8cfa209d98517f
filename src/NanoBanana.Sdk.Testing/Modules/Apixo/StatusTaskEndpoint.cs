using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// <c>GET /statusTask/{model}?taskId=</c>: the status envelope; each call counts as one poll. An unknown task, or a model
/// other than the one the task was submitted with, is a 404 (the docs list 404 for "model or task not found").
/// </summary>
internal sealed class StatusTaskEndpoint(EmulatorState state, ApixoTaskStore tasks)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!ApixoAuth.IsAuthorized(context, state.ApiKey))
        {
            await ApixoErrors.WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        var taskId = context.Request.Query["taskId"].ToString();
        if (taskId.Length == 0)
        {
            await ApixoErrors.WriteBadRequestAsync(context, "Missing required field: taskId").ConfigureAwait(false);
            return;
        }

        var model = context.Request.RouteValues["model"] as string;
        if (!tasks.TryGet(taskId, out var task) || !string.Equals(task.Model, model, StringComparison.Ordinal))
        {
            await ApixoErrors.WriteAsync(context, StatusCodes.Status404NotFound, ApixoErrors.NotFound, $"Task not found: {taskId}").ConfigureAwait(false);
            return;
        }

        var body = ApixoStatusBody.Build(task, task.Poll(state.Time.GetUtcNow()));
        await JsonResponse.WriteRawAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }
}
