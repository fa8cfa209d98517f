using Microsoft.Extensions.AI;

namespace NanoBanana.Sdk.Extensions.AI;

/// <summary>Turns the original images of an edit into SDK reference images: bytes as bytes, URLs as URLs the vendor fetches.</summary>
internal static class OriginalImageMapper
{
    public static IReadOnlyList<ImageInput> ToInputs(IEnumerable<AIContent>? originals)
    {
        if (originals is null)
        {
            return [];
        }

        var inputs = new List<ImageInput>();
        foreach (var content in originals)
        {
            inputs.Add(content switch
            {
                DataContent data when data.HasTopLevelMediaType("image") => ImageInput.FromBytes(data.Data, data.MediaType),
                DataContent data => throw new ArgumentException(
                    $"An original image has the media type '{data.MediaType}'; only images (image/*) can be edited.", nameof(originals)),
                UriContent uri => ImageInput.FromUri(uri.Uri, ImageMediaTypeOrNull(uri)),
                null => throw new ArgumentException("OriginalImages contains a null entry.", nameof(originals)),
                _ => throw new ArgumentException(
                    $"An original image is a {content.GetType().Name}; pass images as DataContent (bytes) or UriContent (an http or https URL).",
                    nameof(originals)),
            });
        }

        return inputs;
    }

    /// <summary>UriContent infers <c>application/octet-stream</c> for a URL without an image extension; that says nothing, so it is not passed on.</summary>
    private static string? ImageMediaTypeOrNull(UriContent uri) => uri.HasTopLevelMediaType("image") ? uri.MediaType : null;
}
