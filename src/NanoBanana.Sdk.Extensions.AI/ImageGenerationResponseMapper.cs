using Microsoft.Extensions.AI;

namespace NanoBanana.Sdk.Extensions.AI;

/// <summary>
/// Maps the SDK result to a Microsoft.Extensions.AI response: inline bytes as <see cref="DataContent"/>, hosted images as
/// <see cref="UriContent"/>, or downloaded into <see cref="DataContent"/> when <see cref="ImageGenerationResponseFormat.Data"/> asks.
/// </summary>
internal static class ImageGenerationResponseMapper
{
    public static async Task<ImageGenerationResponse> ToResponseAsync(
        ImageGenerationResult result, ImageGenerationResponseFormat? format, CancellationToken cancellationToken)
    {
        var contents = new List<AIContent>(result.Images.Count);
        foreach (var image in result.Images)
        {
            contents.Add(await ToContentAsync(image, format, cancellationToken).ConfigureAwait(false));
        }

        return new ImageGenerationResponse(contents)
        {
            Usage = UsageMapper.ToUsageDetails(result.Usage),
            RawRepresentation = result,
        };
    }

    private static async Task<AIContent> ToContentAsync(GeneratedImage image, ImageGenerationResponseFormat? format, CancellationToken cancellationToken)
    {
        // Uri and Hosted keep a hosted image where it is; an inline image has no URL, so it is data whatever was asked.
        if (image.Uri is { } uri && format != ImageGenerationResponseFormat.Data)
        {
            return new UriContent(uri, image.MediaType) { RawRepresentation = image };
        }

        var data = await image.GetBytesAsync(cancellationToken).ConfigureAwait(false);
        return new DataContent(data, ImageMediaType.Of(data.Span, image.MediaType)) { RawRepresentation = image };
    }
}
