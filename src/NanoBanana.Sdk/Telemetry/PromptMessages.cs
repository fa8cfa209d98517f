using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NanoBanana.Sdk.Telemetry;

/// <summary>
/// The prompt in the shape of the GenAI conventions' <c>gen_ai.input.messages</c>: one user message with one text part.
/// Only the text: reference images are never written, neither their bytes nor their URLs.
/// </summary>
internal static class PromptMessages
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(string prompt)
    {
        var buffer = new ArrayBufferWriter<byte>(prompt.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteStartArray("parts");
            writer.WriteStartObject();
            writer.WriteString("type", "text");
            writer.WriteString("content", prompt);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
