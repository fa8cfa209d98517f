namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>The outcome of <see cref="GeminiImageClient.GenerateToStreamAsync"/>: which destination holds the result image, and the rest of the answer.</summary>
public sealed record GeminiStreamedGeneration
{
    /// <summary>The answer; its inline data carries no bytes, since they went to the destinations.</summary>
    public required GeminiGenerateContentResponse Response { get; init; }

    /// <summary>The <see cref="GeminiImagePartInfo.Index"/> of the destination that received the result image (the last non-thought one).</summary>
    public required int ImageIndex { get; init; }

    /// <summary>The result image's media type.</summary>
    public required string MediaType { get; init; }

    /// <summary>The bytes written for the result image.</summary>
    public required long ImageLength { get; init; }

    /// <summary>The model's text beside the image, if any.</summary>
    public string? Text { get; init; }

    /// <summary>The token counts.</summary>
    public ImageGenerationUsage? Usage { get; init; }
}
