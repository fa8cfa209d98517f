namespace NanoBanana.Sdk.Testing.Scenario;

/// <summary>A consistent copy of the generation settings of an <see cref="EmulatorScenario"/> at one moment.</summary>
internal readonly record struct ScenarioSnapshot(
    int CompleteAfterPolls,
    bool ContentWarning,
    string? FailJobsWith,
    int? DropStreamAfterEvents,
    int StreamStatusEvents);
