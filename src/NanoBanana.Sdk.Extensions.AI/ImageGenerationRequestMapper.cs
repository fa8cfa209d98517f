using Microsoft.Extensions.AI;
using MeaiImageGenerationRequest = Microsoft.Extensions.AI.ImageGenerationRequest;
using SdkImageGenerationRequest = NanoBanana.Sdk.ImageGenerationRequest;

namespace NanoBanana.Sdk.Extensions.AI;

/// <summary>
/// Builds the SDK request from a Microsoft.Extensions.AI request and its options. A request returned by
/// <see cref="ImageGenerationOptions.RawRepresentationFactory"/> is the base: what it sets wins, and the options fill
/// only what it leaves unset, as Microsoft.Extensions.AI's own adapters do with raw options.
/// </summary>
internal static class ImageGenerationRequestMapper
{
    public static SdkImageGenerationRequest ToSdkRequest(
        MeaiImageGenerationRequest request,
        ImageGenerationOptions? options,
        ImageGenerationCapabilities capabilities,
        string? defaultModelId,
        IImageGenerator generator)
    {
        var raw = options?.RawRepresentationFactory?.Invoke(generator) as SdkImageGenerationRequest;
        var prompt = !string.IsNullOrWhiteSpace(request.Prompt) ? request.Prompt : raw?.Prompt;
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new ArgumentException("The prompt is empty or whitespace; describe the image to generate or the edit to make.", nameof(request));
        }

        var originals = OriginalImageMapper.ToInputs(request.OriginalImages);
        var size = options?.ImageSize is { } imageSize ? ImageSizeMapper.Map(imageSize, capabilities) : default;
        var model = !string.IsNullOrWhiteSpace(options?.ModelId) ? options.ModelId : defaultModelId;
        var baseRequest = raw ?? new SdkImageGenerationRequest { Prompt = prompt };

        return baseRequest with
        {
            Prompt = prompt,
            InputImages = originals.Count > 0 ? originals : baseRequest.InputImages,
            Model = baseRequest.Model ?? (model is null ? null : new NanoBananaModel?(model)),
            ImageCount = baseRequest.ImageCount ?? options?.Count,
            AspectRatio = baseRequest.AspectRatio ?? size.AspectRatio,
            Resolution = baseRequest.Resolution ?? size.Resolution,
            OutputMediaType = baseRequest.OutputMediaType ?? SupportedMediaType(options?.MediaType, capabilities),
            AdditionalProperties = AdditionalPropertiesMapper.Merge(baseRequest.AdditionalProperties, options?.AdditionalProperties),
        };
    }

    /// <summary>The asked-for media type when the vendor can produce it; otherwise none, and the response reports what came.</summary>
    private static string? SupportedMediaType(string? mediaType, ImageGenerationCapabilities capabilities) =>
        mediaType is not null && capabilities.OutputMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase) ? mediaType : null;
}
