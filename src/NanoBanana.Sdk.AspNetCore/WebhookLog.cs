using Microsoft.Extensions.Logging;

namespace NanoBanana.Sdk.AspNetCore;

/// <summary>The endpoint's log messages. Bodies, headers, secrets and callback tokens are never logged.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(1, LogLevel.Information, "Received callback {EventId} from {Provider}: operation {OperationId} is {Status}")]
    public static partial void Received(ILogger logger, string provider, string eventId, string operationId, string status);

    [LoggerMessage(2, LogLevel.Information, "Acknowledged a repeat of callback {EventId} from {Provider} without running the handlers again")]
    public static partial void Duplicate(ILogger logger, string provider, string eventId);

    [LoggerMessage(3, LogLevel.Warning, "Rejected a callback from {Provider}: {Reason}")]
    public static partial void Rejected(ILogger logger, string provider, string reason);

    [LoggerMessage(4, LogLevel.Error, "A webhook handler failed on callback {EventId} from {Provider} (operation {OperationId}); answered 500 so the vendor retries")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string provider, string eventId, string operationId);

    [LoggerMessage(5, LogLevel.Error, "Rejected a callback from {Provider} because no webhook secret is configured: set Webhooks:Secrets in that provider's options")]
    public static partial void NotConfigured(ILogger logger, string provider);
}
