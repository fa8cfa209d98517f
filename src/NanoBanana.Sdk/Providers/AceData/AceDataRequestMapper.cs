namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Maps the common request onto <see cref="AceDataImageRequest"/>: reference images make it an <c>edit</c>, whose size and
/// shape the vendor takes from the first image, so an aspect ratio or resolution on an edit would be silently dropped and
/// is rejected instead; likewise 2K and 4K on the models that render 1K only.
/// </summary>
internal static class AceDataRequestMapper
{
    public static AceDataImageRequest Map(ImageGenerationRequest request, string? defaultModel, bool isAsync, Uri? callbackUrl)
    {
        var edit = request.InputImages.Count > 0;
        if (edit && (request.AspectRatio is not null || request.Resolution is not null))
        {
            throw new NotSupportedException(
                "AceData takes the shape and size of an edit from its first reference image; leave AspectRatio and Resolution unset when InputImages are given.");
        }

        var model = MapModel(request.Model?.Value ?? defaultModel);
        if (request.Resolution is { } resolution && resolution != ImageResolution.OneK && AceDataModels.IsOneKOnly(model ?? AceDataModels.NanoBanana))
        {
            throw new NotSupportedException(
                $"AceData's model '{model ?? AceDataModels.NanoBanana + " (the default)"}' renders 1K only; use {AceDataModels.NanoBanana2} or {AceDataModels.NanoBananaPro} for {resolution}.");
        }

        return new AceDataImageRequest
        {
            Action = edit ? AceDataActions.Edit : AceDataActions.Generate,
            Prompt = request.Prompt,
            Model = model,
            Images = edit ? request.InputImages : null,
            AspectRatio = request.AspectRatio?.Value,
            Resolution = request.Resolution?.Value,
            Count = request.ImageCount,
            CallbackUrl = callbackUrl,
            Async = isAsync ? true : null,
            AdditionalProperties = request.AdditionalProperties,
        };
    }

    /// <summary>Neutral names become the vendor's ids; any other id passes through unchanged.</summary>
    private static string? MapModel(string? model) => model switch
    {
        null => null,
        _ when NanoBananaModel.NanoBanana.Equals(model) => AceDataModels.NanoBanana,
        _ when NanoBananaModel.NanoBanana2.Equals(model) => AceDataModels.NanoBanana2,
        _ when NanoBananaModel.NanoBananaPro.Equals(model) => AceDataModels.NanoBananaPro,
        _ => model,
    };
}
