using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Reads a failure reason whose shape the vendor does not document: a string, or an error object like the error
/// bodies' <c>{"code", "message"}</c> (its <c>message</c>, else its <c>code</c>).
/// </summary>
internal sealed class BananaProErrorTextConverter : JsonConverter<string?>
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
            case JsonTokenType.StartObject:
                var error = JsonSerializer.Deserialize(ref reader, BananaProJsonContext.Default.BananaProError);
                return error?.Message ?? error?.Code;
            default:
                throw new JsonException($"Expected a string or an error object for a failure reason, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
