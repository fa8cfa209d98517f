using System.Text.Json;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// The submit body. Reference images held as bytes or files become <c>data:</c> URIs encoded straight into the request
/// stream (see <see cref="ImageBase64Writer"/>).
/// </summary>
internal sealed class BananaProGenerateContent(BananaProGenerateRequest body) : JsonWriterContent
{
    protected override async Task WriteAsync(Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteStartObject();
        writer.WriteString("model", body.Model);
        WriteIfSet(writer, "type", body.Type);
        writer.WriteString("prompt", body.Prompt);
        if (body.ImageUrls is { } images)
        {
            writer.WriteStartArray("image_urls");
            foreach (var image in images)
            {
                if (image.Kind == ImageInputKind.Uri)
                {
                    writer.WriteStringValue(image.Uri!.AbsoluteUri);
                }
                else
                {
                    await ImageBase64Writer.WriteAsync(writer, image, BananaProMediaTypes.OfInlineImage(image), cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
        }

        WriteIfSet(writer, "resolution", body.Resolution);
        WriteIfSet(writer, "aspect_ratio", body.AspectRatio);
        if (body.NumImages is { } count)
        {
            writer.WriteNumber("num_images", count);
        }

        WriteAdditionalProperties(writer, body.AdditionalProperties);
        writer.WriteEndObject();
    }
}
