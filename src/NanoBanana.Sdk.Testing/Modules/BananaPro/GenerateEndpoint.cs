using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Images;
using NanoBanana.Sdk.Testing.Jobs;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// <c>POST /api/v1/images/generate</c>: validates, charges the API wallet, records the task and answers with its id.
/// The emulated generation finishes at once, so the task's webhook deliveries start right after the answer.
/// </summary>
internal sealed class GenerateEndpoint(EmulatorState state, BananaProTaskStore tasks, WebhookDelivery webhooks)
{
    /// <summary>The message of a content-filtered task (the vendor's failure texts are undocumented).</summary>
    public const string ContentBlocked = "Content policy violation: the prompt or the generated image was blocked by the safety filter";

    public async Task HandleAsync(HttpContext context)
    {
        if (!await BananaProAuth.CheckAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        if (!GenerateImagesRequest.TryParse(RequestRecordingMiddleware.Current(context).Body, out var request, out var error))
        {
            await BananaProErrors.WriteBadRequestAsync(context, error).ConfigureAwait(false);
            return;
        }

        if (!state.Credits.TryCharge(request.Model.CreditsCost, out var remaining))
        {
            await BananaProErrors.WriteForStatusAsync(context, StatusCodes.Status402PaymentRequired).ConfigureAwait(false);
            return;
        }

        var task = Accept(request);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteStartObject("data");
            writer.WriteString("task_id", task.Job.Id);
            writer.WriteNumber("credits_used", task.Job.CreditsUsed);
            writer.WriteNumber("remaining_credits", remaining);
            writer.WriteString("model", task.Job.Model);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
        webhooks.Deliver(task.Job);
    }

    private EmulatedTask Accept(GenerateImagesRequest request)
    {
        var scenario = state.Scenario.Capture();
        var id = "task_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var longSide = request.Resolution switch
        {
            "2K" => 2048,
            "4K" => 4096,
            _ => 1024,
        };
        var image = ImageSpec.ForAspectRatio(request.AspectRatio.Width, request.AspectRatio.Height, longSide, request.Prompt);
        var outcome = scenario.FailJobsWith is { } failure ? JobOutcome.Failed(failure)
            : scenario.ContentWarning ? JobOutcome.Failed(ContentBlocked)
            : JobOutcome.Succeeded([state.PublishImage(id + ".png", image)]);
        var job = new EmulatedJob(id, request.Prompt, request.Model.Id, request.Model.CreditsCost, state.Time.GetUtcNow(), outcome, scenario.CompleteAfterPolls);
        var task = new EmulatedTask(job);
        tasks.Add(task);
        return task;
    }
}
