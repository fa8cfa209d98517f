using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary><c>GET</c> and <c>DELETE v1beta/files/{id}</c>: a file's metadata (the bare <c>File</c>), and its removal (<c>{}</c>).</summary>
internal sealed class FilesEndpoint(EmulatorState state, GeminiFileStore files)
{
    public async Task GetAsync(HttpContext context)
    {
        if (!await GeminiAuth.AuthorizeAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var id = FileId(context);
        if (!files.TryGet(id, out var file))
        {
            await WriteUnknownFileAsync(context, id).ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => GeminiFileJson.Write(writer, file)).ConfigureAwait(false);
    }

    public async Task DeleteAsync(HttpContext context)
    {
        if (!await GeminiAuth.AuthorizeAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var id = FileId(context);
        if (!files.TryDelete(id))
        {
            await WriteUnknownFileAsync(context, id).ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static string FileId(HttpContext context) => context.Request.RouteValues["id"] as string ?? string.Empty;

    private static Task WriteUnknownFileAsync(HttpContext context, string id) =>
        GeminiErrors.WriteNotFoundAsync(context, $"File files/{id} does not exist.");
}
