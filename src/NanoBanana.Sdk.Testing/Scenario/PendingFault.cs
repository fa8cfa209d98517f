namespace NanoBanana.Sdk.Testing.Scenario;

/// <summary>A queued fault and how many more requests it applies to. Guarded by the scenario's lock.</summary>
internal sealed class PendingFault(EmulatorFault fault)
{
    private int _remaining = fault.Times;

    public EmulatorFault Fault { get; } = fault;

    public bool Matches(string method, string path, bool isApiRequest)
    {
        if (Fault.Method is not null && !string.Equals(Fault.Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Without a suffix a fault targets the vendor API only, so image downloads keep working.
        return Fault.PathSuffix is null ? isApiRequest : path.EndsWith(Fault.PathSuffix, StringComparison.Ordinal);
    }

    /// <summary>Uses the fault once; returns true when it is used up.</summary>
    public bool Consume() => --_remaining <= 0;
}
