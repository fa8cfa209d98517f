using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>Reads <see cref="DreamToJobError"/> from an object or a bare string, with codes as strings or numbers.</summary>
internal sealed class DreamToJobErrorConverter : JsonConverter<DreamToJobError>
{
    public override DreamToJobError? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new DreamToJobError { Message = reader.GetString() };
            case JsonTokenType.StartObject:
                break;
            default:
                throw new JsonException($"An error must be an object or a string, not {reader.TokenType}.");
        }

        var error = new DreamToJobError();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            error = name switch
            {
                "code" => error with { Code = ReadText(ref reader) },
                "message" => error with { Message = ReadText(ref reader) },
                "type" => error with { Type = ReadText(ref reader) },
                "status" => error with { Status = ReadText(ref reader) },
                _ => Skip(ref reader, error),
            };
        }

        return error;
    }

    public override void Write(Utf8JsonWriter writer, DreamToJobError value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Write(writer, "code", value.Code);
        Write(writer, "message", value.Message);
        Write(writer, "type", value.Type);
        Write(writer, "status", value.Status);
        writer.WriteEndObject();
    }

    /// <summary>A string, number or boolean as text; <see langword="null"/> for JSON null; anything else is skipped.</summary>
    internal static string? ReadText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    private static DreamToJobError Skip(ref Utf8JsonReader reader, DreamToJobError error)
    {
        reader.Skip();
        return error;
    }

    private static void Write(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
