using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>
/// Reads a result image in any of the shapes the SDK accepts (see <see cref="DreamToJobImage"/>). Inline base64 is
/// decoded straight from the reader's UTF-8 bytes, never through a string; a value it cannot decode that way (a blob
/// placeholder, base64url) is kept for <see cref="DreamToJobInlineImages"/> to resolve.
/// </summary>
internal sealed class DreamToJobImageConverter : JsonConverter<DreamToJobImage>
{
    public override DreamToJobImage? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new DreamToJobImage { Url = reader.GetString() };
            case JsonTokenType.StartObject:
                break;
            default:
                throw new JsonException($"An output image must be a URL string or an object, not {reader.TokenType}.");
        }

        string? url = null;
        string? mimeType = null;
        string? reference = null;
        ReadOnlyMemory<byte>? data = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "url" or "uri":
                    url = DreamToJobErrorConverter.ReadText(ref reader);
                    break;
                case "b64_json" or "data" or "base64":
                    ReadInline(ref reader, ref data, ref reference);
                    break;
                case "mime_type" or "mimeType" or "content_type":
                    mimeType = DreamToJobErrorConverter.ReadText(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new DreamToJobImage { Url = url, Data = data, MimeType = mimeType, InlineReference = reference };
    }

    public override void Write(Utf8JsonWriter writer, DreamToJobImage value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Url is not null)
        {
            writer.WriteString("url", value.Url);
        }

        if (value.Data is { } data)
        {
            writer.WriteBase64String("b64_json", data.Span);
        }

        if (value.MimeType is not null)
        {
            writer.WriteString("mime_type", value.MimeType);
        }

        writer.WriteEndObject();
    }

    private static void ReadInline(ref Utf8JsonReader reader, ref ReadOnlyMemory<byte>? data, ref string? reference)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Inline image data must be a base64 string, not {reader.TokenType}.");
        }

        if (reader.TryGetBytesFromBase64(out var bytes))
        {
            data = bytes;
        }
        else
        {
            reference = reader.GetString();
        }
    }
}
