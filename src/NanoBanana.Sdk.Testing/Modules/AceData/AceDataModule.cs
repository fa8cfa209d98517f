using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NanoBanana.Sdk.Testing.Hosting;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>
/// The Ace Data Cloud Nano Banana API (protocols/acedata.md): images (sync, async, callback; generate and edit) under
/// <c>/nano-banana/images</c> and its alias <c>/gemini/images</c>, and task retrieves under <c>/nano-banana/tasks</c>.
/// Any other path under the module answers the documented <c>api_not_implemented</c>.
/// </summary>
internal sealed class AceDataModule(EmulatorState state) : IEmulatorModule
{
    /// <summary>The API base path relative to the emulator's root, with a trailing slash.</summary>
    public const string RelativeBasePath = "acedata/";

    private readonly AceDataIds _ids = new();

    public PathString PathPrefix { get; } = new("/" + RelativeBasePath.TrimEnd('/'));

    public void Map(IEndpointRouteBuilder routes)
    {
        var tasks = new AceDataTaskStore();
        var images = new ImagesEndpoint(state, tasks, _ids);
        var api = routes.MapGroup(PathPrefix);
        api.MapPost("/nano-banana/images", images.HandleAsync);
        api.MapPost("/gemini/images", images.HandleAsync);
        api.MapPost("/nano-banana/tasks", new TasksEndpoint(state, tasks, _ids).HandleAsync);
        api.MapFallback(context => AceDataErrors.WriteAsync(
            context, StatusCodes.Status400BadRequest, AceDataErrors.ApiNotImplemented, "The API is not implemented.", _ids.NextTrace()));
    }

    public Task WriteErrorAsync(HttpContext context, int statusCode) => AceDataErrors.WriteForStatusAsync(context, statusCode, _ids);
}
