using System.Text.Json;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// The JSON body of <c>POST /nano-banana/images</c>. Reference bytes and files become <c>data:</c> URIs encoded straight
/// into the request stream (see <see cref="ImageBase64Writer"/>).
/// </summary>
internal sealed class AceDataImageRequestContent(AceDataImageRequest request, IReadOnlyList<AceDataImageSource> images) : JsonWriterContent
{
    protected override async Task WriteAsync(Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteStartObject();
        writer.WriteString("action", request.Action);
        WriteIfSet(writer, "model", request.Model);
        writer.WriteString("prompt", request.Prompt);
        if (images.Count > 0)
        {
            writer.WriteStartArray("image_urls");
            foreach (var image in images)
            {
                if (image.Input.Kind == ImageInputKind.Uri)
                {
                    writer.WriteStringValue(image.Input.Uri!.AbsoluteUri);
                }
                else
                {
                    await ImageBase64Writer.WriteAsync(writer, image.Input, image.MediaType, cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
        }

        WriteIfSet(writer, "aspect_ratio", request.AspectRatio);
        WriteIfSet(writer, "resolution", request.Resolution);
        if (request.Count is { } count)
        {
            writer.WriteNumber("count", count);
        }

        WriteIfSet(writer, "callback_url", request.CallbackUrl?.AbsoluteUri);
        if (request.Async is { } isAsync)
        {
            writer.WriteBoolean("async", isAsync);
        }

        WriteAdditionalProperties(writer, request.AdditionalProperties);
        writer.WriteEndObject();
    }
}
