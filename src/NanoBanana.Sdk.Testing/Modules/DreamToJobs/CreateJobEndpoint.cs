using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Callbacks;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Images;
using NanoBanana.Sdk.Testing.Jobs;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary><c>POST /v1/jobs</c>: validates, records the job with the ending the scenario chose, and answers with the documented job object.</summary>
internal sealed class CreateJobEndpoint(EmulatorState state, DreamToIds ids, StoredJobs jobs, UploadedFiles files)
{
    // Retries are undocumented; the emulator assumes three attempts, kept short in place of a real schedule.
    private static readonly CallbackPolicy CallbackRetries = new(3, TimeSpan.FromMilliseconds(200));

    public async Task HandleAsync(HttpContext context)
    {
        if (!DreamToJobsAuth.IsAuthorized(context, state.ApiKey))
        {
            await DreamToJobsErrors.WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        if (!JobRequest.TryParse(RequestRecordingMiddleware.Current(context).Body, out var request, out var error))
        {
            await DreamToJobsErrors.WriteBadRequestAsync(context, error).ConfigureAwait(false);
            return;
        }

        // Uploads are the one kind of reference the emulator can check; other URLs are accepted unfetched.
        if (request.ReferenceImageUrls.FirstOrDefault(url => UploadedFiles.IsUploadUrl(url, state.BaseAddress) && !files.TryFind(url, out _)) is { } missing)
        {
            await DreamToJobsErrors.WriteBadRequestAsync(context, $"input.reference_image_urls: {missing} was not found.").ConfigureAwait(false);
            return;
        }

        var job = Accept(request);
        jobs.Add(job);
        if (job.CallbackUrl is { } target)
        {
            context.Response.OnCompleted(() =>
            {
                state.Callbacks.Enqueue(target, JobBody.Current(job, job.Job.Outcome.FinalStatus, state).ToArray(), new Dictionary<string, string>(), CallbackRetries);
                return Task.CompletedTask;
            });
        }

        await JsonResponse.WriteRawAsync(context, StatusCodes.Status200OK, JobBody.Accepted(job, ids.NextRequest())).ConfigureAwait(false);
    }

    private StoredJob Accept(JobRequest request)
    {
        var scenario = state.Scenario.Capture();
        var inline = state.Scenario.InlineResults;
        var id = ids.NextJob();
        var fileName = id + "-0.png";
        // The job API has no separate input filter, so a blocked prompt ends like any content violation.
        var (outcome, errorCode) = state.Scenario.BlockPrompts ? (JobOutcome.Failed(DreamToJobsErrors.PromptBlockedMessage), DreamToJobsErrors.ContentViolationCode)
            : scenario.FailJobsWith is { } failure ? (JobOutcome.Failed(failure), DreamToJobsErrors.GenerationFailedCode)
            : scenario.ContentWarning ? (JobOutcome.Failed(DreamToJobsErrors.ContentViolationMessage), DreamToJobsErrors.ContentViolationCode)
            : (JobOutcome.Succeeded([state.PublishImage(fileName, ImageSpec.ForAspectRatio(request.Ratio.Width, request.Ratio.Height, request.LongSide, request.Prompt))]), null);

        // A job with a callback finishes at once, so its callback is what completes it; polls then see the end state as well.
        var pollsUntilDone = request.CallbackUrl is null ? scenario.CompleteAfterPolls : 0;
        var now = state.Time.GetUtcNow();
        return new StoredJob(
            new EmulatedJob(id, request.Prompt, request.Model, creditsUsed: 0, now, outcome, pollsUntilDone),
            now.ToUnixTimeSeconds(),
            fileName,
            inline,
            errorCode,
            request.CallbackUrl);
    }
}
