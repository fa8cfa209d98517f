using Microsoft.Extensions.Logging;

namespace NanoBanana.Sdk.Telemetry;

/// <summary>
/// A provider client's telemetry: starts the span of each public call with the same attributes for every provider, and
/// records the events a client sees (a job accepted, a poll, a balance). Prompts reach a span or a log only with
/// <see cref="NanoBananaTelemetry.EnableSensitiveData"/>.
/// </summary>
internal sealed class ProviderTelemetry(string provider, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Starts a whole generation (<c>generate_content</c>).</summary>
    /// <param name="method">The SDK method called.</param>
    /// <param name="model">The model asked for, when known.</param>
    /// <param name="request">The request, for its image count and (with the opt-in) its prompt.</param>
    /// <returns>The call.</returns>
    public TelemetryCall Generate(string method, string? model, ImageGenerationRequest? request) =>
        Generation(TelemetryOperations.GenerateContent, method, model, request);

    /// <summary>Starts a submit that returns a job (<c>start_generation</c>).</summary>
    /// <param name="model">The model asked for, when known.</param>
    /// <param name="request">The request, for its image count and (with the opt-in) its prompt.</param>
    /// <returns>The call.</returns>
    public TelemetryCall Start(string? model, ImageGenerationRequest? request) =>
        Generation(TelemetryOperations.StartGeneration, nameof(IImageGenerationClient.StartGenerationAsync), model, request);

    /// <summary>Starts resuming a job from its id (<c>get_generation</c>).</summary>
    /// <param name="operationId">The job id.</param>
    /// <returns>The call.</returns>
    public TelemetryCall Get(string operationId)
    {
        var call = TelemetryCall.Start(TelemetryOperations.GetGeneration, nameof(IImageGenerationClient.GetGenerationAsync), provider, null, timeProvider);
        call.Identify(operationId);
        return call;
    }

    /// <summary>Starts an account call: <see cref="TelemetryOperations.ListModels"/> or <see cref="TelemetryOperations.GetCredits"/>.</summary>
    /// <param name="operation">The operation name.</param>
    /// <param name="method">The SDK method called.</param>
    /// <returns>The call.</returns>
    public TelemetryCall Account(string operation, string method) => TelemetryCall.Start(operation, method, provider, null, timeProvider);

    /// <summary>Logs a job the vendor accepted.</summary>
    /// <param name="operationId">The job id.</param>
    public void Accepted(string operationId) => Log.JobAccepted(logger, provider, operationId);

    /// <summary>Counts and logs one status read of a job.</summary>
    /// <param name="snapshot">What the read found.</param>
    public void Polled(OperationSnapshot snapshot)
    {
        NanoBananaTelemetry.Polls.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ProviderName, provider));
        Log.JobPolled(logger, provider, snapshot.Id, snapshot.Status.Value, snapshot.Percent);
    }

    /// <summary>Records the balance the vendor reported.</summary>
    /// <param name="call">The call that read it, tagged with it.</param>
    /// <param name="credits">The balance.</param>
    public void CreditsRemaining(TelemetryCall call, decimal credits)
    {
        call.Activity?.SetTag(TelemetryTags.CreditsRemaining, (double)credits);
        NanoBananaTelemetry.CreditsRemaining.Record((double)credits, new KeyValuePair<string, object?>(TelemetryTags.ProviderName, provider));
    }

    private TelemetryCall Generation(string operation, string method, string? model, ImageGenerationRequest? request)
    {
        var call = TelemetryCall.Start(operation, method, provider, model, timeProvider, startsJob: true);
        if (call.Activity is { } activity)
        {
            activity.SetTag(TelemetryTags.OutputType, "image");
            if (request?.ImageCount is { } count and not 1)
            {
                activity.SetTag(TelemetryTags.RequestChoiceCount, count);
            }
        }

        if (NanoBananaTelemetry.EnableSensitiveData && request?.Prompt is { } prompt)
        {
            call.Activity?.SetTag(TelemetryTags.InputMessages, PromptMessages.ToJson(prompt));
            Log.Prompt(logger, provider, method, prompt);
        }

        return call;
    }
}
