using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>The body of <c>POST /v1/jobs</c>.</summary>
public sealed record DreamToJobRequest
{
    /// <summary>The model, for example <c>nano-banana-pro</c> (the one the vendor documents).</summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>The generation input; every knob lives here, the callback URL included.</summary>
    [JsonPropertyName("input")]
    public required DreamToJobInput Input { get; init; }

    /// <summary>Describes the request without the prompt text.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() => $"DreamToJobRequest {{ Model = {Model}, Input = {Input} }}";
}
