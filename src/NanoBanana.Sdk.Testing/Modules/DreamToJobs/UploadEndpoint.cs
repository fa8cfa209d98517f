using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>
/// <c>POST /v1/files/upload</c> (multipart: <c>kind</c>, <c>purpose</c>, <c>file</c>). The answer is undocumented;
/// the emulator returns the file object the SDK assumes, whose <c>url</c> serves the bytes back.
/// </summary>
internal sealed class UploadEndpoint(EmulatorState state, DreamToIds ids, UploadedFiles files)
{
    private const string Kind = "image";
    private const string Purpose = "reference";

    public async Task HandleAsync(HttpContext context)
    {
        if (!DreamToJobsAuth.IsAuthorized(context, state.ApiKey))
        {
            await DreamToJobsErrors.WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await DreamToJobsErrors.WriteBadRequestAsync(context, "The body must be multipart/form-data.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var error = form["kind"] != Kind ? $"kind must be \"{Kind}\" (only images are emulated)."
            : form["purpose"] != Purpose ? $"purpose must be \"{Purpose}\"."
            : form.Files.GetFile("file") is not { Length: > 0 } ? "file is required."
            : form.Files.GetFile("file")!.ContentType is not { } type || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? "file must be an image."
            : null;
        if (error is not null)
        {
            await DreamToJobsErrors.WriteBadRequestAsync(context, error).ConfigureAwait(false);
            return;
        }

        var upload = form.Files.GetFile("file")!;
        var content = new byte[upload.Length];
        var stream = upload.OpenReadStream();
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(content, context.RequestAborted).ConfigureAwait(false);
        }

        var fileName = Path.GetFileName(upload.FileName) is { Length: > 0 } name ? name : "upload";
        var file = new UploadedFile(ids.NextFile(), fileName, upload.ContentType, content, state.Time.GetUtcNow().ToUnixTimeSeconds());
        var url = files.Add(file, state.BaseAddress);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", file.Id);
            writer.WriteString("object", "file");
            writer.WriteString("url", url.AbsoluteUri);
            writer.WriteString("filename", file.FileName);
            writer.WriteNumber("bytes", file.Content.Length);
            writer.WriteString("mime_type", file.MediaType);
            writer.WriteString("kind", Kind);
            writer.WriteString("purpose", Purpose);
            writer.WriteNumber("created", file.Created);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
