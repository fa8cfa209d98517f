using System.Text.RegularExpressions;

namespace NanoBanana.Sdk.Testing.Scenario;

/// <summary>A queued fault, checked when queued, and how many more requests it applies to. Guarded by the scenario's lock.</summary>
internal sealed class PendingFault
{
    private readonly Regex? _pathPattern;
    private int _remaining;

    public PendingFault(EmulatorFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.StatusCode, 100, nameof(fault));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fault.StatusCode, 599, nameof(fault));
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1, nameof(fault));
        ArgumentOutOfRangeException.ThrowIfNegative(fault.AfterEvents, nameof(fault));
        ArgumentOutOfRangeException.ThrowIfNegative(fault.BodyLength, nameof(fault));
        if (fault.StallFor is { } stall)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(stall, TimeSpan.Zero, nameof(fault));
        }

        if (fault.Kind == EmulatorFaultKind.Redirect
            && (fault.StatusCode is < 300 or > 399 || fault.RedirectTo is not { IsAbsoluteUri: true, Scheme: "http" or "https" }))
        {
            throw new ArgumentException("A redirect fault needs a 3xx status code and an absolute http(s) RedirectTo.", nameof(fault));
        }

        try
        {
            _pathPattern = fault.PathPattern is null ? null : new Regex(fault.PathPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The fault's PathPattern '{fault.PathPattern}' is not a valid regular expression: {e.Message}", nameof(fault), e);
        }

        Fault = fault;
        _remaining = fault.Times;
    }

    public EmulatorFault Fault { get; }

    public bool Matches(string method, string path, bool isApiRequest)
    {
        if (Fault.Method is not null && !string.Equals(Fault.Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Without a path filter a fault targets the vendor API only, so image downloads keep working.
        if (Fault.PathSuffix is null && _pathPattern is null)
        {
            return isApiRequest;
        }

        return (Fault.PathSuffix is null || path.EndsWith(Fault.PathSuffix, StringComparison.Ordinal))
            && (_pathPattern is null || _pathPattern.IsMatch(path));
    }

    /// <summary>Uses the fault once; returns true when it is used up.</summary>
    public bool Consume() => --_remaining <= 0;
}
