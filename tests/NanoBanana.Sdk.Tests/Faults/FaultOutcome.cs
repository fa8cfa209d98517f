namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>The exact outcome of one fault: success, or the typed exception and what it carries; and what the vendor received.</summary>
public sealed record FaultOutcome
{
    /// <summary>Success.</summary>
    public static readonly FaultOutcome Succeeds = new();

    /// <summary>The exact exception type; null for success.</summary>
    public Type? Throws { get; init; }

    /// <summary>The exception's <see cref="NanoBananaException.StatusCode"/> (null when no response arrived).</summary>
    public int? Status { get; init; }

    /// <summary>Words the message must contain (case-insensitive).</summary>
    public string? Mentions { get; init; }

    /// <summary>The exception's <see cref="NanoBananaException.ErrorCode"/>, when it matters.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The type of the exception's inner exception, when it matters.</summary>
    public Type? Inner { get; init; }

    /// <summary>Whether the parser's own complaint may appear in the message (only for malformed JSON).</summary>
    public bool ShowsParserDetail { get; init; }

    /// <summary>How many paid submits reached the vendor, refused ones included.</summary>
    public int SubmitsSent { get; init; } = 1;

    /// <summary>How many submits the vendor ran (and charged): never more than one.</summary>
    public int SubmitsRun { get; init; } = 1;

    /// <summary>The exact fake time the call took, when a retry waited for a <c>Retry-After</c>.</summary>
    public TimeSpan? Took { get; init; }

    /// <summary>A failure of <paramref name="type"/>.</summary>
    /// <param name="type">The exact exception type.</param>
    /// <param name="status">Its status code, or null.</param>
    /// <returns>The outcome.</returns>
    public static FaultOutcome Fails(Type type, int? status = null) => new() { Throws = type, Status = status };
}
