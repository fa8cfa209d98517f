using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>The <c>error</c> of a failed answer: <c>{"code": "...", "message": "..."}</c>, or a bare string (then only <see cref="Message"/> is set).</summary>
[JsonConverter(typeof(AceDataErrorConverter))]
public sealed record AceDataError
{
    /// <summary>The vendor's code, for example <c>api_error</c>, <c>invalid_token</c> or <c>too_many_requests</c>; <see langword="null"/> for a bare-string error.</summary>
    public string? Code { get; init; }

    /// <summary>The vendor's message.</summary>
    public string? Message { get; init; }
}
