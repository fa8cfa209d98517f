using System.Text.RegularExpressions;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// One cell of the matrix being run: the provider's client on a fake clock against the emulator, the counts of paid
/// submits the emulator saw, and the checks every cell shares.
/// </summary>
public sealed class FaultRun : IDisposable
{
    /// <summary>How long a stalled request may take to reach the emulator, in real time.</summary>
    private static readonly TimeSpan ArrivalGuard = TimeSpan.FromSeconds(10);

    /// <summary>The real interval between checks while waiting for a stalled request to arrive.</summary>
    private static readonly TimeSpan ArrivalPoll = TimeSpan.FromMilliseconds(5);

    /// <summary>Waits the clock may be moved through while a stalled request is on its way: polls and backoffs, never a budget.</summary>
    private static readonly TimeSpan ShortWait = TimeSpan.FromSeconds(25);

    private readonly NanoBananaEmulator _emulator;
    private readonly NanoBananaEmulator _otherHost;
    private readonly string _paidPath;

    /// <summary>Starts a run.</summary>
    /// <param name="fixture">The emulators, reset now.</param>
    /// <param name="provider">The provider row.</param>
    /// <param name="paidPath">The path pattern of the paid request (a POST); null for the provider's submit.</param>
    /// <param name="address">The base address the client uses; null for the emulator's.</param>
    public FaultRun(FaultMatrixFixture fixture, FaultProvider provider, string? paidPath = null, Uri? address = null)
    {
        _emulator = fixture.Fresh();
        _otherHost = fixture.OtherHost;
        _paidPath = paidPath ?? provider.SubmitPath;
        Provider = provider;
        Client = provider.Create(address ?? provider.BaseAddressOf(_emulator), _emulator.ApiKey, Time);
    }

    /// <summary>The provider row.</summary>
    public FaultProvider Provider { get; }

    /// <summary>The client's fake clock.</summary>
    public ManualTimeProvider Time { get; } = new();

    /// <summary>The client.</summary>
    public IImageGenerationClient Client { get; }

    /// <summary>Submits that reached the vendor, refused ones included.</summary>
    public int SubmitsSent => _emulator.Requests.Count(IsSubmit);

    /// <summary>Submits the vendor ran, each a job paid for.</summary>
    public int SubmitsRun => _emulator.HandledRequests.Count(IsSubmit);

    /// <summary>Queues the case's fault on the request <paramref name="pathPattern"/> and <paramref name="method"/> describe.</summary>
    /// <param name="fault">The case.</param>
    /// <param name="pathPattern">The targeted path.</param>
    /// <param name="method">The targeted method.</param>
    public void Inject(FaultCase fault, string pathPattern, string method) =>
        _emulator.Scenario.EnqueueFault(fault.Inject(new FaultTarget(pathPattern, method, Time.Now, Provider.BaseAddressOf(_otherHost))));

    /// <summary>
    /// Drives <paramref name="call"/> on the fake clock. For a stalling fault, real time first passes (in steps of a few
    /// milliseconds, the clock moving only for short waits such as polls) until the emulator holds the stalled request;
    /// then the clock fires what must end the hold: every budget in turn until the call ends, or the one attempt timeout
    /// after which the read is retried.
    /// </summary>
    /// <param name="call">The call under test.</param>
    /// <param name="fault">The case.</param>
    /// <param name="pathPattern">The path pattern of the faulted request.</param>
    /// <param name="method">The method of the faulted request.</param>
    /// <returns>The call's exception, or null when it succeeded.</returns>
    public async Task<Exception?> RunAsync(Task call, FaultCase fault, string pathPattern, string method)
    {
        switch (fault.Stall)
        {
            case StallEnd.Budget:
                await UntilHeldAsync(call, pathPattern, method);
                return await Record.ExceptionAsync(() => Time.RunAsync(call, maxStep: TimeSpan.FromHours(1)));
            case StallEnd.AttemptTimeout:
                // The attempt's timer exists before the read is sent, so this one move fires exactly it.
                await UntilHeldAsync(call, pathPattern, method);
                Time.Advance(new NanoBananaResilienceOptions().ReadAttemptTimeout);
                break;
        }

        return await RunAsync(call);
    }

    /// <summary>Drives <paramref name="call"/> on the fake clock, through polls, backoffs and <c>Retry-After</c> waits.</summary>
    /// <param name="call">The call under test.</param>
    /// <returns>The call's exception, or null when it succeeded.</returns>
    public async Task<Exception?> RunAsync(Task call) => await Record.ExceptionAsync(() => Time.RunAsync(call));

    /// <summary>Checks the outcome against the case, and what every cell must hold: at most one paid submit, no key in the error, the provider named.</summary>
    /// <param name="expected">The outcome.</param>
    /// <param name="error">The call's exception, or null.</param>
    /// <param name="operationId">The job id the failure must carry (a failure after acceptance), or null when none was issued.</param>
    public void AssertOutcome(FaultOutcome expected, Exception? error, string? operationId)
    {
        Assert.True(SubmitsRun <= 1, $"{SubmitsRun} paid submits for one job");
        Assert.Equal(expected.SubmitsSent, SubmitsSent);
        Assert.Equal(expected.SubmitsRun, SubmitsRun);
        Assert.Empty(_otherHost.Requests);
        if (expected.Took is { } took)
        {
            Assert.Equal(took, Time.Elapsed);
        }

        if (expected.Throws is null)
        {
            Assert.Null(error);
            return;
        }

        Assert.NotNull(error);
        Assert.IsType(expected.Throws, error);
        var e = (NanoBananaException)error;
        Assert.Equal(Provider.Name, e.Provider);
        Assert.Equal(expected.Status, e.StatusCode);
        Assert.Equal(operationId, e.OperationId);
        Assert.DoesNotContain(_emulator.ApiKey, e.ToString(), StringComparison.Ordinal);
        if (expected.Mentions is { } words)
        {
            Assert.Contains(words, e.Message, StringComparison.OrdinalIgnoreCase);
        }

        if (expected.ErrorCode is { } code)
        {
            Assert.Equal(code, e.ErrorCode);
        }

        if (expected.Inner is { } inner)
        {
            Assert.IsAssignableFrom(inner, e.InnerException);
        }

        if (!expected.ShowsParserDetail)
        {
            Assert.DoesNotContain("BytePositionInLine", e.Message, StringComparison.Ordinal);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => (Client as IDisposable)?.Dispose();

    private bool IsSubmit(RecordedRequest request) =>
        request.Method == "POST" && Regex.IsMatch(request.Path, _paidPath, RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>Waits until the emulator ran (and so holds) a request matching the pattern, moving the clock only for short waits.</summary>
    private async Task UntilHeldAsync(Task call, string pathPattern, string method)
    {
        var deadline = DateTime.UtcNow + ArrivalGuard;
        while (!_emulator.HandledRequests.Any(r => r.Method == method && Regex.IsMatch(r.Path, pathPattern, RegexOptions.None, TimeSpan.FromSeconds(1))))
        {
            Assert.False(call.IsCompleted, "The call ended before the emulator held the stalled request.");
            Assert.True(DateTime.UtcNow < deadline, "The stalled request never reached the emulator.");
            var timers = Time.PendingTimers;
            if (timers.Count > 0 && timers[0] - Time.Now <= ShortWait)
            {
                Time.AdvanceTo(timers[0]);
            }
            else
            {
                await Task.Delay(ArrivalPoll, TestContext.Current.CancellationToken);
            }
        }
    }
}
