using NanoBanana.Sdk.Testing.Scenario;

namespace NanoBanana.Sdk.Testing;

/// <summary>
/// Thread-safe controls that change how the emulator answers, so a test can exercise latency, slow jobs,
/// content filtering, failures, truncated streams and one-shot HTTP faults. Changes apply to requests
/// received afterwards; an async job keeps the settings that were in force when it was submitted.
/// </summary>
public sealed class EmulatorScenario
{
    private const int DefaultCompleteAfterPolls = 1;
    private const int DefaultStreamStatusEvents = 3;
    private const int MaxStreamStatusEvents = 1000;

    private readonly Lock _gate = new();
    private readonly List<PendingFault> _faults = [];
    private TimeSpan _latency;
    private int _completeAfterPolls = DefaultCompleteAfterPolls;
    private bool _contentWarning;
    private bool _blockPrompts;
    private string? _failJobsWith;
    private int? _dropStreamAfterEvents;
    private int _streamStatusEvents = DefaultStreamStatusEvents;
    private bool _inlineResults;
    private int? _dailyRequestLimit;
    private DateOnly _countedDay;
    private int _countedToday;

    /// <summary>A real delay before every vendor API response (not image downloads). Defaults to zero.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) { _latency = value; }
        }
    }

    /// <summary>
    /// The status poll at which an async job completes: earlier polls report it still processing.
    /// 1 (the default) completes at the first poll; 3 answers processing, processing, completed.
    /// </summary>
    public int CompleteAfterPolls
    {
        get { lock (_gate) { return _completeAfterPolls; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_gate) { _completeAfterPolls = value; }
        }
    }

    /// <summary>When true, generations end with the vendor's content-safety outcome instead of an image.</summary>
    public bool ContentWarning
    {
        get { lock (_gate) { return _contentWarning; } }
        set { lock (_gate) { _contentWarning = value; } }
    }

    /// <summary>
    /// When true, generations are refused because of the prompt, before any image is made; vendors without an input
    /// filter report it as their content violation. Takes precedence over <see cref="FailJobsWith"/> and
    /// <see cref="ContentWarning"/>.
    /// </summary>
    public bool BlockPrompts
    {
        get { lock (_gate) { return _blockPrompts; } }
        set { lock (_gate) { _blockPrompts = value; } }
    }

    /// <summary>When set, generations fail with this error message. Takes precedence over <see cref="ContentWarning"/>.</summary>
    public string? FailJobsWith
    {
        get { lock (_gate) { return _failJobsWith; } }
        set { lock (_gate) { _failJobsWith = value; } }
    }

    /// <summary>
    /// When set, a server-sent event stream is cut after this many events, and always before its final event
    /// (if the stream has fewer status events, all of them are sent first): the connection closes mid-response,
    /// so the client reads the events sent so far and then sees the response end prematurely.
    /// </summary>
    public int? DropStreamAfterEvents
    {
        get { lock (_gate) { return _dropStreamAfterEvents; } }
        set
        {
            if (value is int events)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(events);
            }

            lock (_gate) { _dropStreamAfterEvents = value; }
        }
    }

    /// <summary>
    /// How many status events a stream sends before its final event (0 to 1000). Defaults to 3. With 3 or
    /// more, one of them is a heartbeat whose progress drops back to 0 after progress has risen.
    /// </summary>
    public int StreamStatusEvents
    {
        get { lock (_gate) { return _streamStatusEvents; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxStreamStatusEvents);
            lock (_gate) { _streamStatusEvents = value; }
        }
    }

    /// <summary>
    /// When true, vendors whose results can come either as URLs or inline send finished images inline as base64
    /// instead of as URLs. Vendors with a single result format ignore it. Defaults to false.
    /// </summary>
    public bool InlineResults
    {
        get { lock (_gate) { return _inlineResults; } }
        set { lock (_gate) { _inlineResults = value; } }
    }

    /// <summary>
    /// When set, vendors that document a daily request limit (BananaPro: 10,000 a day) refuse the authenticated API
    /// requests past this many in one UTC day with their daily-limit error (HTTP 429), until midnight UTC. Null (the
    /// default) counts nothing. Setting it starts the count again.
    /// </summary>
    public int? DailyRequestLimit
    {
        get { lock (_gate) { return _dailyRequestLimit; } }
        set
        {
            if (value is int limit)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(limit);
            }

            lock (_gate) { (_dailyRequestLimit, _countedToday) = (value, 0); }
        }
    }

    /// <summary>Queues a fault; queued faults are consumed first-in first-out by the next matching requests.</summary>
    /// <param name="fault">The fault to queue.</param>
    /// <exception cref="ArgumentException">The fault is inconsistent, for example a redirect without a target or an invalid path pattern.</exception>
    public void EnqueueFault(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var pending = new PendingFault(fault);
        lock (_gate) { _faults.Add(pending); }
    }

    /// <summary>Restores every default and drops all queued faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _latency = TimeSpan.Zero;
            _completeAfterPolls = DefaultCompleteAfterPolls;
            _contentWarning = false;
            _blockPrompts = false;
            _failJobsWith = null;
            _dropStreamAfterEvents = null;
            _streamStatusEvents = DefaultStreamStatusEvents;
            _inlineResults = false;
            (_dailyRequestLimit, _countedToday) = (null, 0);
            _faults.Clear();
        }
    }

    /// <summary>Reads the generation settings at once, so one generation sees a consistent scenario.</summary>
    internal ScenarioSnapshot Capture()
    {
        lock (_gate)
        {
            return new ScenarioSnapshot(
                _completeAfterPolls, _contentWarning, _failJobsWith, _dropStreamAfterEvents, _streamStatusEvents);
        }
    }

    /// <summary>Counts one request against <see cref="DailyRequestLimit"/> on <paramref name="today"/>; false when the day's limit is used up.</summary>
    internal bool TryCountDailyRequest(DateOnly today)
    {
        lock (_gate)
        {
            if (_dailyRequestLimit is not { } limit)
            {
                return true;
            }

            if (today != _countedDay)
            {
                (_countedDay, _countedToday) = (today, 0);
            }

            if (_countedToday >= limit)
            {
                return false;
            }

            _countedToday++;
            return true;
        }
    }

    /// <summary>Consumes one use of the oldest queued fault that matches the request, if any.</summary>
    internal EmulatorFault? TakeFault(string method, string path, bool isApiRequest)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(pending => pending.Matches(method, path, isApiRequest));
            if (index < 0)
            {
                return null;
            }

            var match = _faults[index];
            if (match.Consume())
            {
                _faults.RemoveAt(index);
            }

            return match.Fault;
        }
    }
}
