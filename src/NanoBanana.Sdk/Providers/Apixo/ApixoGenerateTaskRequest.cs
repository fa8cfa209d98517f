using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>The body of <c>POST /generateTask/{model}</c>.</summary>
public sealed record ApixoGenerateTaskRequest
{
    /// <summary>One of <see cref="ApixoRequestTypes"/>: poll for the result, or have it POSTed to <see cref="CallbackUrl"/>.</summary>
    [JsonPropertyName("request_type")]
    public string RequestType { get; init; } = ApixoRequestTypes.Async;

    /// <summary>Where APIXO POSTs the result; required with <see cref="ApixoRequestTypes.Callback"/> (a public https URL answering 200 within 30 s).</summary>
    [JsonPropertyName("callback_url")]
    public Uri? CallbackUrl { get; init; }

    /// <summary>The routing strategy, one of <see cref="ApixoRoutingStrategies"/> (wire field <c>provider</c>); <see langword="null"/> for the vendor's <c>auto</c>.</summary>
    [JsonPropertyName("provider")]
    public string? RoutingStrategy { get; init; }

    /// <summary>The model's input parameters.</summary>
    [JsonPropertyName("input")]
    public required ApixoTaskInput Input { get; init; }

    /// <summary>Describes the request without the prompt text or the callback URL (which carries a token).</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"ApixoGenerateTaskRequest {{ RequestType = {RequestType}, RoutingStrategy = {RoutingStrategy}, Input = {Input} }}";
}
