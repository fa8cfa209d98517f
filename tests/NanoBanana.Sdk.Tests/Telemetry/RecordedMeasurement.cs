namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>One measurement a <see cref="TelemetryCapture"/> saw.</summary>
/// <param name="Instrument">The instrument's name.</param>
/// <param name="Value">The value, widened to <see cref="double"/>.</param>
/// <param name="Tags">The measurement's tags.</param>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>A tag's value, or null when the measurement has no such tag.</summary>
    /// <param name="key">The tag name.</param>
    /// <returns>The value.</returns>
    public object? Tag(string key) => Tags.GetValueOrDefault(key);
}
