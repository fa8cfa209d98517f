namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>Maps the common request onto <see cref="DreamToJobRequest"/>, once byte and file references have been uploaded.</summary>
internal static class DreamToJobsRequestMapper
{
    /// <summary>The <c>input</c> fields the SDK fills from the common request; extra properties may not set them a second time.</summary>
    private static readonly string[] MappedFields = ["prompt", "reference_image_urls", "image_size", "aspect_ratio", "mime_type", "callback_url"];

    /// <summary>The vendor-specific checks the capability validator cannot make; run before anything is sent.</summary>
    public static void Validate(ImageGenerationRequest request)
    {
        foreach (var input in request.InputImages)
        {
            if (input.Kind == ImageInputKind.File && input.MediaType is null && MediaTypes.FromFileName(input.FilePath!) is null)
            {
                throw new ArgumentException(
                    $"The media type of the reference image '{Path.GetFileName(input.FilePath)}' cannot be told from its extension; pass it to ImageInput.FromFile.",
                    nameof(request));
            }

            if (input.Kind != ImageInputKind.Uri && input.MediaType is { } mediaType && !MediaTypes.IsValid(mediaType))
            {
                throw new ArgumentException($"'{mediaType}' is not a media type such as image/png; the reference image cannot be uploaded with it.", nameof(request));
            }
        }

        if (request.AdditionalProperties?.Keys.FirstOrDefault(key => MappedFields.Contains(key, StringComparer.Ordinal)) is { } clash)
        {
            throw new ArgumentException(
                $"AdditionalProperties sets '{clash}', which the SDK fills from the request itself; set it through the request's own property instead.",
                nameof(request));
        }
    }

    public static DreamToJobRequest Map(ImageGenerationRequest request, string defaultModel, IReadOnlyList<Uri> referenceUrls, Uri? callbackUrl) => new()
    {
        Model = MapModel(request.Model?.Value ?? defaultModel),
        Input = new DreamToJobInput
        {
            Prompt = request.Prompt,
            ReferenceImageUrls = referenceUrls.Count > 0 ? referenceUrls : null,
            ImageSize = request.Resolution?.Value,
            AspectRatio = request.AspectRatio?.Value,
            MimeType = request.OutputMediaType,
            CallbackUrl = callbackUrl,
            AdditionalProperties = request.AdditionalProperties?.ToDictionary(),
        },
    };

    /// <summary>The neutral Nano Banana Pro name becomes the vendor's alias; any other id passes through unchanged.</summary>
    private static string MapModel(string model) =>
        NanoBananaModel.NanoBananaPro.Equals(model) ? DreamToJobsImageClientOptions.NanoBananaPro : model;
}
