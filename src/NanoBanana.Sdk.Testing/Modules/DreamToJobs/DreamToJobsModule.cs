using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NanoBanana.Sdk.Testing.Hosting;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>
/// DreamTo's job API (protocols/gateway-gemini-jobs.md, protocol B): create a job, read it, upload a reference file,
/// plus the unauthenticated URLs uploads are served from, and real callbacks to <c>input.callback_url</c>.
/// </summary>
internal sealed class DreamToJobsModule(EmulatorState state) : IEmulatorModule
{
    /// <summary>The vendor's origin relative to the emulator's root, with a trailing slash; the API lives under <c>v1/</c>.</summary>
    public const string RelativeBasePath = "dreamto/";

    /// <summary>Where uploaded files are served, relative to the emulator's root: outside the API, like a storage bucket.</summary>
    public const string UploadsPath = RelativeBasePath + "uploads/";

    private readonly DreamToIds _ids = new();
    private readonly StoredJobs _jobs = new();
    private readonly UploadedFiles _files = new();

    public PathString PathPrefix { get; } = new("/" + RelativeBasePath + "v1");

    public void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(PathPrefix);
        api.MapPost("/jobs", new CreateJobEndpoint(state, _ids, _jobs, _files).HandleAsync);
        api.MapGet("/jobs/{id}", new GetJobEndpoint(state, _jobs).HandleAsync);
        api.MapPost("/files/upload", new UploadEndpoint(state, _ids, _files).HandleAsync);
        routes.MapGet("/" + UploadsPath + "{id}/{fileName}", new UploadedFileEndpoint(_files).HandleAsync);
    }

    public Task WriteErrorAsync(HttpContext context, int statusCode) =>
        DreamToJobsErrors.WriteForStatusAsync(context, statusCode);
}
