using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NanoBanana.Sdk.Testing.Images;

/// <summary>Serves hosted result images at <c>/files/{fileName}</c> without authentication, like a public CDN.</summary>
internal sealed class ImageFileEndpoint(ImageFileStore store)
{
    /// <summary>The path segment under the base address that hosts image files, with its trailing slash.</summary>
    public const string PathSegment = "files/";

    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/" + PathSegment + "{fileName}", ServeAsync);

    private async Task ServeAsync(HttpContext context)
    {
        var fileName = context.Request.RouteValues["fileName"] as string;
        if (fileName is null || !store.TryGet(fileName, out var png))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "image/png";
        context.Response.ContentLength = png.Length;
        await context.Response.Body.WriteAsync(png, context.RequestAborted).ConfigureAwait(false);
    }
}
