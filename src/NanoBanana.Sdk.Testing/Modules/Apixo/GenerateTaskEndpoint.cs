using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Images;
using NanoBanana.Sdk.Testing.Jobs;
using NanoBanana.Sdk.Testing.Recording;
using NanoBanana.Sdk.Testing.Scenario;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// <c>POST /generateTask/{model}</c>: validates, creates the task with the ending the scenario chose, answers with its
/// <c>taskId</c>, and in callback mode then delivers the callback. The emulator does not charge: APIXO has no balance endpoint.
/// </summary>
internal sealed class GenerateTaskEndpoint(EmulatorState state, ApixoTaskStore tasks, ApixoTaskIdGenerator ids)
{
    private const string ContentViolationMessage = "Content violates usage policy";
    private const string UnreachableImageMessage = "Cannot access provided image URL";

    // The failCode of a FailJobsWith failure: the generic code of the vendor's older catalog.
    private const string GenericFailCode = "GENERATION_FAILED";

    public async Task HandleAsync(HttpContext context)
    {
        if (!ApixoAuth.IsAuthorized(context, state.ApiKey))
        {
            await ApixoErrors.WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        var modelName = context.Request.RouteValues["model"] as string;
        if (!ApixoModelCatalog.TryFind(modelName, out var model))
        {
            await ApixoErrors.WriteAsync(context, StatusCodes.Status404NotFound, ApixoErrors.NotFound, "Model not found: " + modelName).ConfigureAwait(false);
            return;
        }

        if (!ApixoTaskRequest.TryParse(RequestRecordingMiddleware.Current(context).Body, model, out var request, out var error))
        {
            await ApixoErrors.WriteBadRequestAsync(context, error).ConfigureAwait(false);
            return;
        }

        var task = Create(request, model);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", 200);
            writer.WriteString("message", "success");
            writer.WriteStartObject("data");
            writer.WriteString("taskId", task.Id);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);

        // After the answer, as the vendor would: the job runs on after the submit has returned.
        if (task.CallbackUrl is not null)
        {
            ApixoCallbacks.Deliver(state, task);
        }
    }

    // Callback tasks are created finished (their callback is the news); async tasks finish at the CompleteAfterPolls-th poll.
    private ApixoTask Create(ApixoTaskRequest request, ApixoModel model)
    {
        var scenario = state.Scenario.Capture();
        var id = ids.Next();
        var (outcome, failCode) = Decide(request, model, scenario, id);
        var pollsUntilDone = request.RequestType == ApixoTaskRequest.Callback ? 0 : scenario.CompleteAfterPolls;
        var job = new EmulatedJob(id, request.Prompt, model.Name, creditsUsed: 0, state.Time.GetUtcNow(), outcome, pollsUntilDone);
        var task = new ApixoTask(job, failCode, request.RequestType == ApixoTaskRequest.Callback ? request.CallbackUrl : null);
        tasks.Add(task);
        return task;
    }

    /// <summary>FailJobsWith first, then ContentWarning, then an unreachable reference image; otherwise a real PNG.</summary>
    private (JobOutcome Outcome, string? FailCode) Decide(ApixoTaskRequest request, ApixoModel model, ScenarioSnapshot scenario, string id)
    {
        if (scenario.FailJobsWith is { } failure)
        {
            return (JobOutcome.Failed(failure), GenericFailCode);
        }

        if (scenario.ContentWarning)
        {
            return (JobOutcome.Failed(ContentViolationMessage), "CONTENT_VIOLATION");
        }

        if (!request.ImageUrls.All(ApixoReferenceUrls.CanFetch))
        {
            return (JobOutcome.Failed(UnreachableImageMessage), "INVALID_IMAGE_URL");
        }

        var (width, height) = model.AspectRatios[request.AspectRatio];
        var longSide = request.Resolution switch { "4K" => 4096, "2K" => 2048, _ => 1024 };
        // The emulator encodes PNG only: output_format jpeg still yields a PNG, named .png.
        var image = state.PublishImage(id + ".png", ImageSpec.ForAspectRatio(width, height, longSide, request.Prompt));
        return (JobOutcome.Succeeded([image]), null);
    }
}
