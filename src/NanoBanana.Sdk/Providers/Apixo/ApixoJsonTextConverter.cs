using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// Reads <c>resultJson</c>, documented as JSON inside a string, as that string; an embedded object or array is kept as
/// its raw JSON text, so a vendor that stops double-encoding it still parses. Writes a string.
/// </summary>
internal sealed class ApixoJsonTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }

            default:
                throw new JsonException($"resultJson must be a string or an object, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
