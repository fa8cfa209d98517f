using System.Buffers;
using System.Text;
using System.Text.Json;

namespace NanoBanana.Sdk.Benchmarks.Server;

/// <summary>
/// The response bodies, built once before any request, in the vendors' wire shapes: Gemini <c>generateContent</c>
/// answers and <c>streamGenerateContent</c> streams with an inline image, OpenAI <c>b64_json</c> answers, and
/// nananobanana poll answers and progress streams.
/// </summary>
internal static class Payloads
{
    /// <summary>The size of the poll answer: a job that is still processing.</summary>
    public const int PollBodyBytes = 300;

    /// <summary>The job id the poll answer describes.</summary>
    public const string PollJobId = "gen_bench_0001";

    /// <summary>How many progress events a nananobanana stream sends before its <c>complete</c> event.</summary>
    public const int StreamStatusEvents = 1000;

    public const string GeminiText = "Here is your image.";

    private const string Prompt = "a watercolor fox in a misty birch forest at dawn, soft light, muted greens and warm orange, paper texture, ";

    public static Dictionary<string, Payload> All()
    {
        var routes = new Dictionary<string, Payload>(StringComparer.Ordinal);
        foreach (var size in ImageBytes.ServedSizes)
        {
            var image = ImageBytes.Create(size);
            routes[Routes.Key("POST", Routes.GeminiGenerate(size))] = new(GeminiAnswer(image), "application/json; charset=UTF-8");
            routes[Routes.Key("POST", Routes.GeminiStream(size))] = new(GeminiStream(image), "text/event-stream");
            routes[Routes.Key("POST", Routes.OpenAiGenerate(size))] = new(OpenAiAnswer(image), "application/json");
        }

        routes[Routes.Key("GET", Routes.NanaNanoBananaGenerate)] = new(PollAnswer(), "application/json");
        routes[Routes.Key("POST", Routes.NanaNanoBananaGenerate)] = new(NanaNanoBananaStream(StreamStatusEvents), "text/event-stream");
        return routes;
    }

    /// <summary>A whole <c>generateContent</c> answer: a text part, then the image, then the finish reason and usage.</summary>
    public static byte[] GeminiAnswer(ReadOnlySpan<byte> image)
    {
        var buffer = new ArrayBufferWriter<byte>(Base64Length(image.Length) + 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteCandidates(writer, image, text: true, finished: true);
            WriteUsage(writer);
            writer.WriteString("modelVersion", "gemini-2.5-flash-image");
            writer.WriteString("responseId", "bench-response");
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A <c>streamGenerateContent?alt=sse</c> answer: a text chunk, an image chunk, a last chunk with the finish reason.</summary>
    public static byte[] GeminiStream(byte[] image)
    {
        var chunks = new List<byte[]>
        {
            GeminiChunk(writer => WriteCandidates(writer, [], text: true, finished: false)),
            GeminiChunk(writer => WriteCandidates(writer, image, text: false, finished: false)),
            GeminiChunk(writer =>
            {
                WriteCandidates(writer, [], text: false, finished: true);
                WriteUsage(writer);
            }),
        };
        return ServerSentEvents(chunks, "\r\n\r\n"u8);
    }

    /// <summary>An OpenAI images answer with the image as <c>b64_json</c>.</summary>
    public static byte[] OpenAiAnswer(ReadOnlySpan<byte> image)
    {
        var buffer = new ArrayBufferWriter<byte>(Base64Length(image.Length) + 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("created", 1_767_225_600);
            writer.WriteStartArray("data");
            writer.WriteStartObject();
            writer.WriteBase64String("b64_json", image);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("usage");
            writer.WriteNumber("input_tokens", 10);
            writer.WriteNumber("output_tokens", 1290);
            writer.WriteNumber("total_tokens", 1300);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A nananobanana poll answer (<c>GET /generate?id=</c>) for a job still processing, exactly <see cref="PollBodyBytes"/> long.</summary>
    public static byte[] PollAnswer()
    {
        var empty = PollAnswer(string.Empty);
        var promptLength = PollBodyBytes - empty.Length;
        var prompt = new StringBuilder();
        while (prompt.Length < promptLength)
        {
            prompt.Append(Prompt);
        }

        return PollAnswer(prompt.ToString(0, promptLength));
    }

    /// <summary>A nananobanana <c>mode: "stream"</c> answer: status events with rising progress, then <c>complete</c>.</summary>
    public static byte[] NanaNanoBananaStream(int statusEvents)
    {
        var events = new List<byte[]>(statusEvents + 1);
        for (var i = 0; i < statusEvents; i++)
        {
            var progress = i * 100 / statusEvents;
            events.Add(Json(writer =>
            {
                writer.WriteString("type", "status");
                writer.WriteString("message", i == 0 ? "Starting generation..." : "Processing...");
                writer.WriteNumber("progress", progress);
            }));
        }

        events.Add(Json(writer =>
        {
            writer.WriteString("type", "complete");
            writer.WriteString("message", "Generation complete");
            writer.WriteNumber("progress", 100);
            writer.WriteStartObject("data");
            writer.WriteBoolean("success", true);
            writer.WriteStartArray("imageUrls");
            writer.WriteStringValue("https://cdn.example.com/images/gen_bench_0002.png");
            writer.WriteEndArray();
            writer.WriteString("generationId", "gen_bench_0002");
            writer.WriteEndObject();
        }));
        return ServerSentEvents(events, "\n\n"u8);
    }

    /// <summary>The length of the base64 text of <paramref name="bytes"/> bytes.</summary>
    public static int Base64Length(int bytes) => (bytes + 2) / 3 * 4;

    private static byte[] PollAnswer(string prompt) => Json(writer =>
    {
        writer.WriteStartObject("data");
        writer.WriteString("id", PollJobId);
        writer.WriteString("prompt", prompt);
        writer.WriteNull("outputImageUrls");
        writer.WriteString("modelUsed", "nano-banana");
        writer.WriteString("processingStatus", "processing");
        writer.WriteNumber("creditsUsed", 2);
        writer.WriteString("createdAt", "2026-01-01T12:00:00.000Z");
        writer.WriteEndObject();
    });

    private static void WriteCandidates(Utf8JsonWriter writer, ReadOnlySpan<byte> image, bool text, bool finished)
    {
        writer.WriteStartArray("candidates");
        writer.WriteStartObject();
        if (text || !image.IsEmpty)
        {
            writer.WriteStartObject("content");
            writer.WriteString("role", "model");
            writer.WriteStartArray("parts");
            if (text)
            {
                writer.WriteStartObject();
                writer.WriteString("text", GeminiText);
                writer.WriteEndObject();
            }

            if (!image.IsEmpty)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("inlineData");
                writer.WriteString("mimeType", "image/png");
                writer.WriteBase64String("data", image);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (finished)
        {
            writer.WriteString("finishReason", "STOP");
        }

        writer.WriteNumber("index", 0);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteUsage(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("usageMetadata");
        writer.WriteNumber("promptTokenCount", 10);
        writer.WriteNumber("candidatesTokenCount", 1290);
        writer.WriteNumber("totalTokenCount", 1300);
        writer.WriteEndObject();
    }

    private static byte[] GeminiChunk(Action<Utf8JsonWriter> writeFields) => Json(writer =>
    {
        writeFields(writer);
        writer.WriteString("modelVersion", "gemini-2.5-flash-image");
        writer.WriteString("responseId", "bench-stream");
    });

    private static byte[] Json(Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] ServerSentEvents(List<byte[]> events, ReadOnlySpan<byte> terminator)
    {
        using var body = new MemoryStream();
        foreach (var data in events)
        {
            body.Write("data: "u8);
            body.Write(data);
            body.Write(terminator);
        }

        return body.ToArray();
    }
}
