using System.Text;
using System.Text.Json.Serialization;
using NanoBanana.Sdk.Http.InlineData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

/// <summary>Bodies shaped like a generateContent response, and reading helpers.</summary>
internal static class InlineDataTestData
{
    public static InlineDataReaderOptions Options { get; } = new("data");

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A response with a text part and one image part whose data is <paramref name="data"/> as written (escapes and all).</summary>
    public static byte[] Body(string data) => Utf8(
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"hi\"},{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + data
        + "\"}}]}}],\"usageMetadata\":{\"totalTokenCount\":5}}");

    public static byte[] Body(byte[] image) => Body(Convert.ToBase64String(image));

    /// <summary>Two image parts, the first camelCase and the second snake_case, as some vendors and proxies write them.</summary>
    public static byte[] TwoImageBody(byte[] first, byte[] second) => Utf8(
        "{\"candidates\":[{\"content\":{\"parts\":[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + Convert.ToBase64String(first)
        + "\"}},{\"text\":\"and\"},{\"inline_data\":{\"mime_type\":\"image/jpeg\",\"data\":\"" + Convert.ToBase64String(second)
        + "\"}}]}}]}");

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static ValueTask<InlineDataDocument> ReadChunked(byte[] body, int chunkSize, bool lengthKnown, InlineDataReaderOptions? options = null) =>
        InlineDataJsonReader.ReadAsync(
            new SizedChunkStream(body, chunkSize),
            lengthKnown ? body.Length : null,
            options ?? Options,
            TestContext.Current.CancellationToken);

    public static TestResponse Deserialize(InlineDataDocument document) =>
        System.Text.Json.JsonSerializer.Deserialize(document.Skeleton.Span, InlineDataTestJsonContext.Default.TestResponse)
        ?? throw new InvalidOperationException("null");
}

internal sealed class TestResponse
{
    public IReadOnlyList<TestCandidate>? Candidates { get; set; }

    public TestUsage? UsageMetadata { get; set; }
}

internal sealed class TestCandidate
{
    public TestContent? Content { get; set; }
}

internal sealed class TestContent
{
    public IReadOnlyList<TestPart>? Parts { get; set; }
}

internal sealed class TestPart
{
    public string? Text { get; set; }

    public TestInlineData? InlineData { get; set; }

    [JsonPropertyName("inline_data")]
    public TestInlineData? InlineDataSnakeCase { get; set; }
}

internal sealed class TestInlineData
{
    public string? MimeType { get; set; }

    [JsonPropertyName("mime_type")]
    public string? MimeTypeSnakeCase { get; set; }

    public string? Data { get; set; }
}

internal sealed class TestUsage
{
    public int TotalTokenCount { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TestResponse))]
internal sealed partial class InlineDataTestJsonContext : JsonSerializerContext;
