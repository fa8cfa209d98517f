using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using NanoBanana.Sdk.Telemetry;

namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>
/// Records the SDK's spans and measurements made under a root activity of its own. Listeners are process-wide and tests
/// run in parallel, so a span counts only when it belongs to the root's trace, and a measurement only when it is taken
/// while an activity of that trace is current.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly MeterListener _meterListener;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly Activity _root;

    /// <summary>Starts listening and starts the root activity, a new trace that becomes <see cref="Activity.Current"/> for the test.</summary>
    public TelemetryCapture()
    {
        Activity.Current = null;
        _root = new Activity("telemetry-test").Start();
        SharedActivityListener.Add(this);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == NanoBananaTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meterListener.Start();
    }

    /// <summary>The root activity; calls made directly by the test are its children.</summary>
    public Activity Root => _root;

    /// <summary>The SDK's spans that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary>The spans of one <c>gen_ai.operation.name</c>, in the order they started.</summary>
    /// <param name="operation">The operation name, for example <c>generate_content</c>.</param>
    /// <returns>The spans.</returns>
    public IReadOnlyList<Activity> Calls(string operation) =>
        [.. Spans.Where(s => Equals(s.GetTagItem("gen_ai.operation.name"), operation)).OrderBy(s => s.StartTimeUtc)];

    /// <summary>The HTTP attempt spans under <paramref name="parent"/>, in the order they started.</summary>
    /// <param name="parent">The parent span.</param>
    /// <returns>The attempt spans.</returns>
    public IReadOnlyList<Activity> AttemptsUnder(Activity parent) =>
        [.. ChildrenOf(parent).Where(s => s.GetTagItem("http.request.method") is not null)];

    /// <summary>The direct children of <paramref name="parent"/>, in the order they started.</summary>
    /// <param name="parent">The parent span.</param>
    /// <returns>The children.</returns>
    public IReadOnlyList<Activity> ChildrenOf(Activity parent) =>
        [.. Spans.Where(s => s.ParentSpanId == parent.SpanId).OrderBy(s => s.StartTimeUtc)];

    /// <summary>The measurements of one instrument.</summary>
    /// <param name="instrument">The instrument name.</param>
    /// <returns>The measurements, in the order they were taken.</returns>
    public IReadOnlyList<RecordedMeasurement> Measurements(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Everything recorded as text: span names, statuses, tags and events, and every measurement's tags.</summary>
    /// <returns>The texts.</returns>
    public IReadOnlyList<string> Texts()
    {
        var texts = new List<string>();
        foreach (var span in Spans)
        {
            texts.Add(span.DisplayName);
            texts.Add(span.StatusDescription ?? string.Empty);
            texts.AddRange(span.TagObjects.Select(t => $"{t.Key}={Convert.ToString(t.Value, CultureInfo.InvariantCulture)}"));
            texts.AddRange(span.Events.Select(e => e.Name + string.Concat(e.Tags.Select(t => $" {t.Key}={t.Value}"))));
        }

        texts.AddRange(_measurements.SelectMany(m => m.Tags.Select(t => $"{m.Instrument} {t.Key}={Convert.ToString(t.Value, CultureInfo.InvariantCulture)}")));
        return texts;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        SharedActivityListener.Remove(this);
        _meterListener.Dispose();
        _root.Dispose();
    }

    /// <summary>Keeps an SDK span that ended, when it belongs to this capture's trace.</summary>
    /// <param name="activity">The span.</param>
    internal void Stopped(Activity activity)
    {
        if (IsOurs(activity.TraceId))
        {
            _spans.Enqueue(activity);
        }
    }

    private bool IsOurs(ActivityTraceId traceId) => _root.TraceId == traceId;

    private void Measured(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Activity.Current is { } current && IsOurs(current.TraceId))
        {
            _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
    }
}
