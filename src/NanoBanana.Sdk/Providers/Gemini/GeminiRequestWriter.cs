using System.Buffers;
using System.Text.Json;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Writes a <see cref="GeminiGenerateContentRequest"/> as JSON straight into a stream. Inline images are base64-encoded
/// segment by segment, from memory or from the file stream, and flushed as they go: never a base64 string, and never
/// more than a segment of encoded text in memory.
/// </summary>
internal static class GeminiRequestWriter
{
    /// <summary>Raw bytes per encoded segment; a multiple of 3, so every segment but the last is whole base64 blocks.</summary>
    private const int SegmentBytes = 48 * 1024;

    /// <summary>Encoded bytes the writer may hold before they are pushed to the stream.</summary>
    private const int FlushThreshold = 64 * 1024;

    public static async Task WriteAsync(Stream stream, GeminiGenerateContentRequest request, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(stream);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("contents");
            foreach (var content in request.Contents)
            {
                await WriteContentAsync(writer, content, cancellationToken).ConfigureAwait(false);
            }

            writer.WriteEndArray();
            if (request.SystemInstruction is { } instruction)
            {
                writer.WritePropertyName("systemInstruction");
                await WriteContentAsync(writer, instruction, cancellationToken).ConfigureAwait(false);
            }

            if (request.GenerationConfig is { } config)
            {
                writer.WritePropertyName("generationConfig");
                JsonSerializer.Serialize(writer, config, GeminiJsonContext.Default.GeminiGenerationConfig);
            }

            if (request.SafetySettings is { } safety)
            {
                writer.WritePropertyName("safetySettings");
                JsonSerializer.Serialize(writer, safety, GeminiJsonContext.Default.IReadOnlyListGeminiSafetySetting);
            }

            foreach (var (name, value) in request.AdditionalProperties ?? new Dictionary<string, JsonElement>())
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask WriteContentAsync(Utf8JsonWriter writer, GeminiContent content, CancellationToken cancellationToken)
    {
        writer.WriteStartObject();
        if (content.Role is { } role)
        {
            writer.WriteString("role", role);
        }

        writer.WriteStartArray("parts");
        foreach (var part in content.Parts)
        {
            writer.WriteStartObject();
            if (part.Text is { } text)
            {
                writer.WriteString("text", text);
            }

            if (part.InlineData is { } inline)
            {
                writer.WriteStartObject("inlineData");
                writer.WriteString("mimeType", inline.MimeType);
                writer.WritePropertyName("data");
                if (inline.FilePath is { } path)
                {
                    await WriteFileAsync(writer, path, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await WriteBytesAsync(writer, inline.Data, cancellationToken).ConfigureAwait(false);
                }

                writer.WriteEndObject();
            }

            if (part.FileData is { } file)
            {
                writer.WriteStartObject("fileData");
                if (file.MimeType is { } mimeType)
                {
                    writer.WriteString("mimeType", mimeType);
                }

                writer.WriteString("fileUri", file.FileUri.OriginalString);
                writer.WriteEndObject();
            }

            if (part.Thought is { } thought)
            {
                writer.WriteBoolean("thought", thought);
            }

            if (part.ThoughtSignature is { } signature)
            {
                writer.WriteString("thoughtSignature", signature);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static async ValueTask WriteBytesAsync(Utf8JsonWriter writer, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        do
        {
            var segment = data[..Math.Min(SegmentBytes, data.Length)];
            data = data[segment.Length..];
            writer.WriteBase64StringSegment(segment.Span, isFinalSegment: data.IsEmpty);
            await FlushIfFullAsync(writer, cancellationToken).ConfigureAwait(false);
        }
        while (!data.IsEmpty);
    }

    private static async ValueTask WriteFileAsync(Utf8JsonWriter writer, string path, CancellationToken cancellationToken)
    {
        // Unbuffered: every read fills the pooled segment buffer directly.
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(SegmentBytes);
            try
            {
                int read;
                do
                {
                    read = await file.ReadAtLeastAsync(buffer.AsMemory(0, SegmentBytes), SegmentBytes, throwOnEndOfStream: false, cancellationToken)
                        .ConfigureAwait(false);
                    writer.WriteBase64StringSegment(buffer.AsSpan(0, read), isFinalSegment: read < SegmentBytes);
                    await FlushIfFullAsync(writer, cancellationToken).ConfigureAwait(false);
                }
                while (read == SegmentBytes);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static ValueTask FlushIfFullAsync(Utf8JsonWriter writer, CancellationToken cancellationToken) =>
        writer.BytesPending >= FlushThreshold ? new ValueTask(writer.FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
}
