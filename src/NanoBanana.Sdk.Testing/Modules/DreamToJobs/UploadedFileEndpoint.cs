using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>Serves uploaded files without authentication, so the URL an upload returns is usable as a job reference.</summary>
internal sealed class UploadedFileEndpoint(UploadedFiles files)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.RouteValues["id"] is not string id || !files.TryGet(id, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = file.MediaType;
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted).ConfigureAwait(false);
    }
}
