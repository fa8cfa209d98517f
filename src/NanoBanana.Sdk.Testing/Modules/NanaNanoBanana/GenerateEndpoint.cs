using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Images;
using NanoBanana.Sdk.Testing.Jobs;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary><c>POST /generate</c>: validates, charges, records the job, then answers in the requested mode.</summary>
internal sealed class GenerateEndpoint(EmulatorState state, GenerationIdGenerator ids)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!NanaNanoBananaAuth.IsAuthorized(context, state.ApiKey))
        {
            await NanaNanoBananaErrors.WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        var body = RequestRecordingMiddleware.Current(context).Body;
        if (!GenerateRequest.TryParse(body, out var request, out var error))
        {
            await NanaNanoBananaErrors.WriteAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
            return;
        }

        if (!NanaNanoBananaModelCatalog.TryFind(request.SelectedModel, out var model))
        {
            await NanaNanoBananaErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "Unknown model: " + request.SelectedModel).ConfigureAwait(false);
            return;
        }

        if (!NanaNanoBananaAspectRatios.TryParse(request.AspectRatio, out var ratio))
        {
            await NanaNanoBananaErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid aspectRatio: " + request.AspectRatio).ConfigureAwait(false);
            return;
        }

        // The docs say "+1 credit per additional reference image"; we read "additional" as each one beyond the first.
        var cost = model.CreditsCost + Math.Max(0, request.ReferenceImageUrls.Count - 1);
        if (!state.Credits.TryCharge(cost, out var remaining))
        {
            await NanaNanoBananaErrors.WriteAsync(context, StatusCodes.Status402PaymentRequired, NanaNanoBananaErrors.InsufficientCredits).ConfigureAwait(false);
            return;
        }

        var generation = Accept(request, model, ImageSpec.ForAspectRatio(ratio.Width, ratio.Height, model.LongSide, request.Prompt), cost, remaining);
        var respond = request.Mode switch
        {
            GenerationMode.Stream => StreamResponse.WriteAsync(context, generation),
            GenerationMode.Async => AsyncResponse.WriteAsync(context, generation),
            _ => SyncResponse.WriteAsync(context, generation),
        };
        await respond.ConfigureAwait(false);
    }

    // Every mode leaves a record readable through GET /generate?id=; only async jobs need polls to finish.
    private AcceptedGeneration Accept(GenerateRequest request, NanaNanoBananaModel model, ImageSpec image, int cost, int remaining)
    {
        var scenario = state.Scenario.Capture();
        var id = ids.Next();
        var contentWarning = scenario.FailJobsWith is null && scenario.ContentWarning;
        var outcome = scenario.FailJobsWith is { } failure ? JobOutcome.Failed(failure)
            : contentWarning ? JobOutcome.Failed(NanaNanoBananaErrors.ContentSafetyFailed)
            : JobOutcome.Succeeded([state.PublishImage(id + "-0.png", image)]);
        var pollsUntilDone = request.Mode == GenerationMode.Async ? scenario.CompleteAfterPolls : 0;
        state.Jobs.Add(new EmulatedJob(id, request.Prompt, model.Name, cost, state.Time.GetUtcNow(), outcome, pollsUntilDone));
        return new AcceptedGeneration(id, cost, remaining, outcome, contentWarning, scenario);
    }
}
