using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Callbacks;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Images;
using NanoBanana.Sdk.Testing.Jobs;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>
/// <c>POST /nano-banana/images</c> (and its alias <c>/gemini/images</c>): validates, creates the task, then answers sync
/// (blocking until the images exist) or, with <c>async</c> or <c>callback_url</c>, at once with the task id.
/// </summary>
internal sealed class ImagesEndpoint(EmulatorState state, AceDataTaskStore tasks, AceDataIds ids)
{
    /// <summary>The vendor documents no callback retries; the emulator assumes a single attempt.</summary>
    private static readonly CallbackPolicy Delivery = new(Attempts: 1, RetryDelay: TimeSpan.Zero);

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public async Task HandleAsync(HttpContext context)
    {
        if (!AceDataAuth.IsAuthorized(context, state.ApiKey))
        {
            await AceDataErrors.WriteUnauthorizedAsync(context, ids).ConfigureAwait(false);
            return;
        }

        var body = RequestRecordingMiddleware.Current(context).Body;
        if (!ImagesRequest.TryParse(body, out var request, out var error))
        {
            await AceDataErrors.WriteBadRequestAsync(context, error, ids).ConfigureAwait(false);
            return;
        }

        // A blocked prompt is refused before any task exists, in every mode, with the content-policy answer of a sync call.
        if (state.Scenario.BlockPrompts)
        {
            await AceDataErrors.WriteAsync(
                context, StatusCodes.Status403Forbidden, AceDataErrors.Forbidden, AceDataErrors.PromptBlockedMessage, ids.NextTrace()).ConfigureAwait(false);
            return;
        }

        var answersAtOnce = request.Async || request.CallbackUrl is not null;
        var task = Accept(request, body, answersAtOnce);
        if (answersAtOnce)
        {
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => AceDataBodies.WriteAccepted(writer, task)).ConfigureAwait(false);
            if (request.CallbackUrl is { } callback)
            {
                state.Callbacks.Enqueue(callback, JsonResponse.Build(writer => AceDataBodies.WriteFinal(writer, task)).ToArray(), NoHeaders, Delivery);
            }

            return;
        }

        await (task.Job.Outcome.ErrorMessage is { } message
            ? AceDataErrors.WriteAsync(context, StatusFor(task.FailureCode!), task.FailureCode!, message, task.TraceId)
            : JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => AceDataBodies.WriteSuccess(writer, task))).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the task with the ending the scenario chose. A polled async task finishes at the
    /// <c>CompleteAfterPolls</c>-th retrieve; a task with a callback finishes at once, so its callback and every later
    /// retrieve agree; a sync task is finished when it is answered.
    /// </summary>
    private StoredTask Accept(ImagesRequest request, ReadOnlyMemory<byte> body, bool answersAtOnce)
    {
        var scenario = state.Scenario.Capture();
        var id = ids.NextTask();
        var (outcome, code) = scenario.FailJobsWith is { } failure ? (JobOutcome.Failed(failure), AceDataErrors.ApiError)
            : scenario.ContentWarning ? (JobOutcome.Failed(AceDataErrors.ContentBlockedMessage), AceDataErrors.Forbidden)
            : (JobOutcome.Succeeded(Publish(id, request)), null);
        var pollsUntilDone = answersAtOnce && request.CallbackUrl is null ? scenario.CompleteAfterPolls : 0;
        var job = new EmulatedJob(id, request.Prompt, request.Model, creditsUsed: 0, state.Time.GetUtcNow(), outcome, pollsUntilDone);
        var task = new StoredTask(job, ids.NextTrace(), body, code);
        tasks.Add(task);
        return task;
    }

    private List<Uri> Publish(string id, ImagesRequest request)
    {
        var spec = Spec(request);
        return [.. Enumerable.Range(0, request.Count).Select(i => state.PublishImage($"{id}-{i}.png", spec with { Seed = spec.Seed + (ulong)i }))];
    }

    /// <summary>A generate follows aspect_ratio and resolution; an edit follows its first image's shape (PNG data URIs only) at 1K.</summary>
    private static ImageSpec Spec(ImagesRequest request)
    {
        if (request.IsEdit)
        {
            var first = request.Images[0];
            return first is { Width: { } width, Height: { } height }
                ? ImageSpec.ForAspectRatio(width, height, 1024, request.Prompt)
                : ImageSpec.ForAspectRatio(1, 1, 1024, request.Prompt);
        }

        var (w, h) = AceDataCatalog.AspectRatios[request.AspectRatio];
        var longSide = AceDataCatalog.IgnoresResolution(request.Model) ? 1024 : AceDataCatalog.Resolutions[request.Resolution];
        return ImageSpec.ForAspectRatio(w, h, longSide, request.Prompt);
    }

    private static int StatusFor(string code) =>
        code == AceDataErrors.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status500InternalServerError;
}
