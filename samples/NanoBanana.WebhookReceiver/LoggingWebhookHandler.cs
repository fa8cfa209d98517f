using NanoBanana.Sdk.AspNetCore;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.WebhookReceiver;

/// <summary>The app's part: here it only logs each verified event (never a body, key or token). A real app stores the images.</summary>
internal sealed partial class LoggingWebhookHandler(ILogger<LoggingWebhookHandler> logger) : IImageGenerationWebhookHandler
{
    public Task HandleAsync(ImageGenerationWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        var images = webhookEvent.Result?.Images.Select(image => image.Uri?.ToString() ?? $"{image.MediaType} inline") ?? [];
        EventHandled(logger, webhookEvent.Provider, webhookEvent.OperationId, webhookEvent.Status.ToString(), string.Join(", ", images));
        if (webhookEvent.Error is { } error)
        {
            JobFailed(logger, webhookEvent.OperationId, error.GetType().Name, error.ErrorCode);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Information, "{Provider} operation {OperationId} is {Status}; images: [{Images}]")]
    private static partial void EventHandled(ILogger logger, string provider, string operationId, string status, string images);

    [LoggerMessage(2, LogLevel.Warning, "Operation {OperationId} failed: {ExceptionType} ({ErrorCode})")]
    private static partial void JobFailed(ILogger logger, string operationId, string exceptionType, string? errorCode);
}
