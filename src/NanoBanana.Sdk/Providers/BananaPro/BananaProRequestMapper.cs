namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Maps the common request onto <see cref="BananaProGenerateRequest"/> and checks what only this vendor constrains:
/// its two documented models, <c>resolution</c> on the Pro model only, and webhooks that are registered per account.
/// </summary>
internal static class BananaProRequestMapper
{
    /// <summary>The fields the SDK writes itself; <c>input_image</c> is the deprecated alias of <c>image_urls[0]</c>.</summary>
    private static readonly HashSet<string> WireFields =
        ["model", "type", "prompt", "image_urls", "input_image", "resolution", "aspect_ratio", "num_images"];

    public static BananaProGenerateRequest Map(ImageGenerationRequest request, string defaultModel)
    {
        if (request.CallbackUri is not null)
        {
            throw new NotSupportedException(
                "BananaPro has no per-request callback URL: webhooks are registered once per account. Register your endpoint with " +
                "BananaProImageClient.CreateWebhookAsync(url, BananaProWebhookEvents.Default, secretKey), put the same secret in " +
                "Webhooks:Secrets, and leave CallbackUri unset; operations then complete from those deliveries.");
        }

        var model = MapModel(request.Model?.Value ?? defaultModel);
        if (request.Resolution is { } resolution && model != BananaProModels.NanoBananaPro)
        {
            throw new NotSupportedException(
                $"BananaPro takes a resolution only with the model {BananaProModels.NanoBananaPro} (the model was '{model}', the resolution {resolution}). " +
                $"Use the model {BananaProModels.NanoBananaPro} (NanoBananaModel.NanoBananaPro), or leave Resolution unset.");
        }

        var images = request.InputImages ?? [];
        var mapped = new BananaProGenerateRequest
        {
            Model = model,
            Type = images.Count > 0 ? BananaProTaskTypes.ImageToImage : BananaProTaskTypes.TextToImage,
            Prompt = request.Prompt,
            ImageUrls = images.Count > 0 ? images : null,
            Resolution = request.Resolution?.Value,
            AspectRatio = request.AspectRatio?.Value,
            NumImages = 1,
            AdditionalProperties = request.AdditionalProperties,
        };
        Validate(mapped);
        return mapped;
    }

    /// <summary>The checks of a vendor request, also run on requests given to the typed client as they are.</summary>
    public static void Validate(BananaProGenerateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ArgumentException("The prompt is empty or whitespace; describe the image to generate.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Model))
        {
            throw new ArgumentException("The model is empty; BananaPro requires one, for example " + BananaProModels.NanoBanana + ".", nameof(request));
        }

        foreach (var image in request.ImageUrls ?? [])
        {
            if (image is null)
            {
                throw new ArgumentException("ImageUrls contains a null entry.", nameof(request));
            }

            BananaProMediaTypes.OfInlineImage(image);
        }

        if (request.AdditionalProperties?.Keys.FirstOrDefault(WireFields.Contains) is { } clash)
        {
            throw new ArgumentException(
                $"AdditionalProperties repeats the field '{clash}', which the SDK writes itself; set it through the request instead.", nameof(request));
        }
    }

    /// <summary>Neutral names become the vendor's ids; any other id passes through unchanged.</summary>
    private static string MapModel(string model) => model switch
    {
        _ when NanoBananaModel.NanoBanana.Equals(model) => BananaProModels.NanoBanana,
        _ when NanoBananaModel.NanoBananaPro.Equals(model) => BananaProModels.NanoBananaPro,
        _ when NanoBananaModel.NanoBanana2.Equals(model) => throw new NotSupportedException(
            $"BananaPro does not offer {NanoBananaModel.NanoBanana2} (Nano Banana 2); it documents {BananaProModels.NanoBanana} and {BananaProModels.NanoBananaPro}."),
        _ => model,
    };
}
