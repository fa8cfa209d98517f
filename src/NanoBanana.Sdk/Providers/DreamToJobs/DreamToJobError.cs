using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// An error, read tolerantly because the vendor documents none: an object with <c>code</c> (string or number),
/// <c>message</c>, <c>type</c> and <c>status</c> (OpenAI- and Google-style), or a bare string (the message).
/// </summary>
[JsonConverter(typeof(DreamToJobErrorConverter))]
public sealed record DreamToJobError
{
    /// <summary>The vendor's error code, for example <c>content_violation</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The vendor's message.</summary>
    public string? Message { get; init; }

    /// <summary>The error type, OpenAI-style (for example <c>invalid_request_error</c>).</summary>
    public string? Type { get; init; }

    /// <summary>The status word, Google-style (for example <c>RESOURCE_EXHAUSTED</c>).</summary>
    public string? Status { get; init; }
}
