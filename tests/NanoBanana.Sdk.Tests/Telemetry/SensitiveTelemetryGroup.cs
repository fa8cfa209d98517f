using NanoBanana.Sdk.Telemetry;

namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>Tests that turn on <see cref="NanoBananaTelemetry.EnableSensitiveData"/>; they never run in parallel with anything.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SensitiveTelemetryGroup
{
    /// <summary>The collection name.</summary>
    public const string Name = "Sensitive telemetry";
}
