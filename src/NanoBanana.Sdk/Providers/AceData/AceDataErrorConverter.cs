using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Reads <c>error</c> as an object or a bare string: Ace Data's own SDK treats the two differently (a structured error
/// ends a task, a bare string is a passing hiccup), so both shapes must survive parsing.
/// </summary>
internal sealed class AceDataErrorConverter : JsonConverter<AceDataError>
{
    public override AceDataError? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new AceDataError { Message = reader.GetString() };
            case JsonTokenType.StartObject:
                string? code = null, message = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "code" && reader.TokenType == JsonTokenType.String)
                    {
                        code = reader.GetString();
                    }
                    else if (name == "message" && reader.TokenType == JsonTokenType.String)
                    {
                        message = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return new AceDataError { Code = code, Message = message };
            default:
                // Any other shape carries no usable reason; keep the parse going and report "no reason".
                reader.Skip();
                return new AceDataError();
        }
    }

    public override void Write(Utf8JsonWriter writer, AceDataError value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Code is not null)
        {
            writer.WriteString("code", value.Code);
        }

        if (value.Message is not null)
        {
            writer.WriteString("message", value.Message);
        }

        writer.WriteEndObject();
    }
}
