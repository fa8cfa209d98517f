using Microsoft.Extensions.Logging;

namespace NanoBanana.Sdk.Failover;

/// <summary>The failover client's log messages.</summary>
internal static partial class FailoverLog
{
    [LoggerMessage(20, LogLevel.Warning, "{Provider} took no job ({Reason}); trying {Next}")]
    public static partial void MovingOn(ILogger logger, string provider, string next, string reason);
}
