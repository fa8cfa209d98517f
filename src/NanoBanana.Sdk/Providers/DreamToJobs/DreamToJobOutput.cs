using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>The <c>output</c> of a finished job (assumed shape; the vendor's schema table hints at <c>output.images[]</c>).</summary>
public sealed record DreamToJobOutput
{
    /// <summary>The images, each a URL or inline bytes.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<DreamToJobImage>? Images { get; init; }

    /// <summary>Text the model returned beside the images, when <c>TEXT</c> was among the response modalities.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }
}
