using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary><c>GET /v1/jobs/{id}</c>: the job object; each call counts as one poll.</summary>
internal sealed class GetJobEndpoint(EmulatorState state, StoredJobs jobs)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!DreamToJobsAuth.IsAuthorized(context, state.ApiKey))
        {
            await DreamToJobsErrors.WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        // The 404 is an assumption: the docs do not describe an unknown id.
        var id = context.Request.RouteValues["id"] as string;
        if (id is null || !jobs.TryGet(id, out var job))
        {
            await DreamToJobsErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"No job with id '{id}'.").ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteRawAsync(context, StatusCodes.Status200OK, JobBody.Current(job, job.Job.Poll(), state)).ConfigureAwait(false);
    }
}
