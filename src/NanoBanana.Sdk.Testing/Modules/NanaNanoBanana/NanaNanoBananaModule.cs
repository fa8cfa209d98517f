using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NanoBanana.Sdk.Testing.Hosting;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>The nananobanana.com REST API (protocols/nananobanana.md): generate in three modes, poll, models, credits.</summary>
internal sealed class NanaNanoBananaModule(EmulatorState state) : IEmulatorModule
{
    /// <summary>The API base path relative to the emulator's root, with a trailing slash.</summary>
    public const string RelativeBasePath = "nananobanana/api/v1/";

    public PathString PathPrefix { get; } = new("/" + RelativeBasePath.TrimEnd('/'));

    public void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(PathPrefix);
        api.MapPost("/generate", new GenerateEndpoint(state, new GenerationIdGenerator()).HandleAsync);
        api.MapGet("/generate", new PollEndpoint(state).HandleAsync);
        api.MapGet("/models", ModelsEndpoint.HandleAsync);
        api.MapGet("/credits", new CreditsEndpoint(state).HandleAsync);
    }

    public Task WriteErrorAsync(HttpContext context, int statusCode) =>
        NanaNanoBananaErrors.WriteForStatusAsync(context, statusCode);
}
