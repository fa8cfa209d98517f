using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>What a fault case targets: the request's path pattern and method, the fake clock's time, and where a redirect points.</summary>
/// <param name="PathPattern">The regular expression of the faulted request's path.</param>
/// <param name="Method">The faulted request's method.</param>
/// <param name="Now">The client's fake time when the fault is queued (for HTTP-date headers).</param>
/// <param name="OtherHost">The same API on another host, where a redirect points.</param>
public sealed record FaultTarget(string PathPattern, string Method, DateTimeOffset Now, Uri OtherHost)
{
    /// <summary>A one-shot fault of <paramref name="kind"/> with <paramref name="status"/> on the targeted request.</summary>
    /// <param name="kind">What the fault does.</param>
    /// <param name="status">The status code it answers with.</param>
    /// <returns>The fault.</returns>
    public EmulatorFault Fault(EmulatorFaultKind kind, int status = 200) =>
        new(status) { Kind = kind, PathPattern = PathPattern, Method = Method };
}

/// <summary>One column of the matrix: a fault, which providers it applies to, and the exact outcome it must have.</summary>
/// <param name="Name">The case's name in test output.</param>
/// <param name="Inject">The fault to queue for a target.</param>
/// <param name="Expected">The outcome.</param>
public sealed record FaultCase(string Name, Func<FaultTarget, EmulatorFault> Inject, FaultOutcome Expected)
{
    /// <summary>For a fault that holds a request until the client gives up: what ends the hold. Null for faults that answer.</summary>
    public StallEnd? Stall { get; init; }

    /// <summary>The providers the fault applies to; all by default.</summary>
    public Func<FaultProvider, bool> AppliesTo { get; init; } = _ => true;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>What ends a request the emulator holds, once the test moves the fake clock.</summary>
public enum StallEnd
{
    /// <summary>The call's budget (or a stream's idle timeout): the call gives up.</summary>
    Budget,

    /// <summary>The read attempt timeout of the resilience pipeline: the read is abandoned and retried.</summary>
    AttemptTimeout,
}
