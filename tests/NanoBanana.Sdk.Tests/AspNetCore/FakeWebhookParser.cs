using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.AspNetCore;

/// <summary>
/// A webhook parser that records what reached it and answers as told: by default every callback is a succeeded job whose
/// operation and event ids come from the <c>X-Operation</c> and <c>X-Event</c> headers.
/// </summary>
public sealed class FakeWebhookParser : IImageGenerationWebhookParser
{
    public const string Name = "fake";

    private readonly Lock _gate = new();
    private readonly List<WebhookRequest> _received = [];

    /// <inheritdoc/>
    public string ProviderName => "Fake";

    /// <summary>Replaces the default answer (throw a <see cref="NanoBananaWebhookException"/> to reject).</summary>
    public Func<WebhookRequest, ImageGenerationWebhookEvent>? Answer { get; set; }

    /// <summary>The callbacks parsed so far.</summary>
    public IReadOnlyList<WebhookRequest> Received
    {
        get { lock (_gate) { return [.. _received]; } }
    }

    /// <inheritdoc/>
    public ImageGenerationWebhookEvent Parse(WebhookRequest request)
    {
        lock (_gate)
        {
            _received.Add(request);
        }

        return (Answer ?? Succeeded)(request);
    }

    /// <summary>A terminal success event for an operation.</summary>
    /// <param name="operationId">The job.</param>
    /// <param name="eventId">The delivery's id.</param>
    /// <returns>The event.</returns>
    public static ImageGenerationWebhookEvent SucceededEvent(string operationId, string eventId) => new()
    {
        Provider = "Fake",
        EventId = eventId,
        OperationId = operationId,
        Status = ImageGenerationStatus.Succeeded,
        Result = new ImageGenerationResult
        {
            Provider = "Fake",
            OperationId = operationId,
            Images = [GeneratedImage.FromUri(new Uri("http://127.0.0.1/images/" + operationId + ".png"), "image/png")],
        },
    };

    private static ImageGenerationWebhookEvent Succeeded(WebhookRequest request) =>
        SucceededEvent(request.GetHeader("X-Operation") ?? "job-1", request.GetHeader("X-Event") ?? "event-1");
}
