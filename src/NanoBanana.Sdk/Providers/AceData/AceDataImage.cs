using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>One generated image in <c>data[]</c>.</summary>
public sealed record AceDataImage
{
    /// <summary>The prompt, echoed.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>The image URL (PNG in every documented example).</summary>
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }

    /// <summary>Describes the image without the prompt text.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() => $"AceDataImage {{ ImageUrl = {ImageUrl} }}";
}
