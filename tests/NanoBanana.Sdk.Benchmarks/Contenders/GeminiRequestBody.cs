using System.Net.Http.Headers;
using System.Text;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>The request the hand-made Gemini clients send: what the SDK sends for a prompt-only request.</summary>
internal static class GeminiRequestBody
{
    public const string Prompt = "a watercolor fox";

    /// <summary>The header Google reads the key from.</summary>
    public const string ApiKeyHeader = "x-goog-api-key";

    public const string Json =
        """{"contents":[{"role":"user","parts":[{"text":"a watercolor fox"}]}],"generationConfig":{"responseModalities":["TEXT","IMAGE"]}}""";

    private static readonly byte[] Utf8 = Encoding.UTF8.GetBytes(Json);

    public static ByteArrayContent Create()
    {
        var content = new ByteArrayContent(Utf8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
