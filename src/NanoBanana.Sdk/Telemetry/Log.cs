using Microsoft.Extensions.Logging;

namespace NanoBanana.Sdk.Telemetry;

/// <summary>
/// The SDK's log messages. Keys and image bytes are never logged; the prompt only by <see cref="Prompt"/>, which is called
/// only when <see cref="NanoBananaTelemetry.EnableSensitiveData"/> is on.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "{Provider} {Method} {Path} answered {StatusCode} in {ElapsedMs} ms")]
    public static partial void Responded(ILogger logger, string provider, string method, string? path, int statusCode, long elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "Retrying {Method} {Path} after {Outcome} (attempt {Attempt}) in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string? path, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Information, "{Provider} accepted job {OperationId}")]
    public static partial void JobAccepted(ILogger logger, string provider, string operationId);

    [LoggerMessage(4, LogLevel.Debug, "{Provider} job {OperationId} is {Status} ({Percent}%)")]
    public static partial void JobPolled(ILogger logger, string provider, string operationId, string status, int? percent);

    [LoggerMessage(5, LogLevel.Warning, "{Provider} request failed: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string provider, string reason);

    /// <summary>The prompt of a generation; sensitive, so only with the opt-in, and at Trace level.</summary>
    [LoggerMessage(6, LogLevel.Trace, "{Provider} {Method} prompt: {Prompt}")]
    public static partial void Prompt(ILogger logger, string provider, string method, string prompt);
}
