using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NanoBanana.Sdk.Testing.Hosting;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>APIXO's task API (protocols/generatetask.md): <c>POST /generateTask/{model}</c>, <c>GET /statusTask/{model}?taskId=</c>, callbacks.</summary>
internal sealed class ApixoModule(EmulatorState state) : IEmulatorModule
{
    /// <summary>The API base path relative to the emulator's root, with a trailing slash.</summary>
    public const string RelativeBasePath = "apixo/api/v1/";

    public PathString PathPrefix { get; } = new("/" + RelativeBasePath.TrimEnd('/'));

    public void Map(IEndpointRouteBuilder routes)
    {
        var tasks = new ApixoTaskStore();
        var api = routes.MapGroup(PathPrefix);
        api.MapPost("/generateTask/{model}", new GenerateTaskEndpoint(state, tasks, new ApixoTaskIdGenerator()).HandleAsync);
        api.MapGet("/statusTask/{model}", new StatusTaskEndpoint(state, tasks).HandleAsync);
    }

    public Task WriteErrorAsync(HttpContext context, int statusCode) =>
        ApixoErrors.WriteForStatusAsync(context, statusCode);
}
