using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// <c>POST v1beta/models/{model}:generateContent</c> and <c>:streamGenerateContent</c>: authenticates, finds the
/// model (404 when unknown), reads and checks the request (400), then answers with the outcome the scenario decides —
/// in one body, or as chunks (<c>?alt=sse</c> for server-sent events, otherwise a streamed JSON array).
/// </summary>
internal sealed class GenerateContentEndpoint(EmulatorState state, GeminiFileStore files, GenerationPlanner planner)
{
    private const string GenerateMethod = "generateContent";
    private const string StreamMethod = "streamGenerateContent";

    public async Task HandleAsync(HttpContext context)
    {
        if (!await GeminiAuth.AuthorizeAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var target = context.Request.RouteValues["modelAction"] as string ?? string.Empty;
        var separator = target.LastIndexOf(':');
        var method = separator < 0 ? string.Empty : target[(separator + 1)..];
        if (method is not (GenerateMethod or StreamMethod))
        {
            await GeminiErrors.WriteNotFoundAsync(context, $"Method not found: POST models/{target}.").ConfigureAwait(false);
            return;
        }

        var modelId = target[..separator];
        if (!GeminiModelCatalog.TryFind(modelId, out var model))
        {
            await GeminiErrors.WriteNotFoundAsync(
                context,
                $"models/{modelId} is not found for API version v1beta, or is not supported for {method}. Call ListModels to see the list of available models and their supported methods.").ConfigureAwait(false);
            return;
        }

        // BlockPrompts is read beside the snapshot: ScenarioSnapshot (shared) does not carry it.
        var scenario = state.Scenario.Capture();
        var blockPrompts = state.Scenario.BlockPrompts;
        GeminiGeneration generation;
        bool serverSentEvents;
        try
        {
            serverSentEvents = method == StreamMethod && ReadAlt(context);
            var request = GenerateContentRequest.Parse(RequestRecordingMiddleware.Current(context).Body);
            FileReferences.Check(request.ReferenceImages, files);
            var image = ModelRequestValidator.Validate(model, request);
            generation = planner.Plan(model, request, image, scenario, blockPrompts);
        }
        catch (GeminiInvalidArgumentException e)
        {
            await GeminiErrors.WriteInvalidArgumentAsync(context, e.Message).ConfigureAwait(false);
            return;
        }

        var respond = method == StreamMethod
            ? StreamResponse.WriteAsync(context, generation, serverSentEvents, scenario.DropStreamAfterEvents)
            : JsonResponse.WriteRawAsync(context, StatusCodes.Status200OK, GenerateContentResponseJson.Complete(generation));
        await respond.ConfigureAwait(false);
    }

    // alt=sse selects server-sent events; alt=json or no alt is Google's streamed JSON array.
    private static bool ReadAlt(HttpContext context)
    {
        var alt = context.Request.Query["alt"].ToString();
        return alt switch
        {
            "sse" => true,
            "" or "json" => false,
            _ => throw new GeminiInvalidArgumentException($"Invalid value for the alt parameter: \"{alt}\"; use alt=sse."),
        };
    }
}
