using System.Collections.Concurrent;
using System.Diagnostics;
using NanoBanana.Sdk.Telemetry;

namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>
/// One activity listener for every <see cref="TelemetryCapture"/>, added once and never removed: while a listener is
/// removed, .NET can skip the listener after it in a notification, so captures that each added and removed their own
/// would miss each other's spans.
/// </summary>
internal static class SharedActivityListener
{
    private static readonly ConcurrentDictionary<TelemetryCapture, byte> Captures = new();
    private static readonly Lazy<ActivityListener> Listener = new(Start);

    public static void Add(TelemetryCapture capture)
    {
        _ = Listener.Value;
        Captures.TryAdd(capture, 0);
    }

    public static void Remove(TelemetryCapture capture) => Captures.TryRemove(capture, out _);

    private static ActivityListener Start()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NanoBananaTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var capture in Captures.Keys)
                {
                    capture.Stopped(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
