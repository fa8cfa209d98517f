using System.Text;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>Bodies taken from the examples of protocols/gemini-official.md and gateway-gemini-jobs.md (protocol A).</summary>
internal static class GeminiWireFixtures
{
    /// <summary>The gateway example's image: a valid 1×1 PNG.</summary>
    public const string TinyPngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8Xw8AAoMBgAqJvhoAAAAASUVORK5CYII=";

    public static byte[] TinyPng { get; } = Convert.FromBase64String(TinyPngBase64);

    /// <summary>The official sync example, with a real image in place of the elided base64.</summary>
    public static string SyncResponse(string imageBase64 = TinyPngBase64) => """
        {
          "candidates": [
            {
              "content": {
                "role": "model",
                "parts": [
                  { "text": "Here is the mug on a marble counter.", "thoughtSignature": "CpwBAb4+9vs..." },
                  { "inlineData": { "mimeType": "image/png", "data": "IMAGE_BASE64" }, "thoughtSignature": "EtIBAb4+9vv..." }
                ]
              },
              "finishReason": "STOP",
              "index": 0
            }
          ],
          "usageMetadata": {
            "promptTokenCount": 271,
            "candidatesTokenCount": 1300,
            "totalTokenCount": 1571,
            "promptTokensDetails": [{ "modality": "TEXT", "tokenCount": 13 }, { "modality": "IMAGE", "tokenCount": 258 }],
            "candidatesTokensDetails": [{ "modality": "IMAGE", "tokenCount": 1290 }]
          },
          "modelVersion": "gemini-2.5-flash-image",
          "responseId": "8RXaaKWqN9rXz7IP0vWf4Qo"
        }
        """.Replace("IMAGE_BASE64", imageBase64, StringComparison.Ordinal);

    /// <summary>The DreamTo gateway's example: no finishReason, no responseId.</summary>
    public const string GatewayResponse = """
        {
          "candidates": [
            {
              "content": {
                "role": "model",
                "parts": [
                  { "inlineData": { "mimeType": "image/png", "data": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8Xw8AAoMBgAqJvhoAAAAASUVORK5CYII=" } }
                ]
              }
            }
          ],
          "modelVersion": "nano-banana-pro",
          "usageMetadata": { "promptTokenCount": 8, "candidatesTokenCount": 16, "totalTokenCount": 24 }
        }
        """;

    /// <summary>The official blocked-prompt example: HTTP 200, no candidates.</summary>
    public const string BlockedPrompt = """
        {
          "promptFeedback": { "blockReason": "PROHIBITED_CONTENT" },
          "usageMetadata": { "promptTokenCount": 12, "totalTokenCount": 12 },
          "modelVersion": "gemini-3-pro-image-preview"
        }
        """;

    /// <summary>The official 429 body.</summary>
    public const string ResourceExhausted = """
        {
          "error": {
            "code": 429,
            "message": "Resource has been exhausted (e.g. check quota).",
            "status": "RESOURCE_EXHAUSTED",
            "details": [
              { "@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "27s" }
            ]
          }
        }
        """;

    /// <summary>Google's answer to a wrong key (400 with an ErrorInfo reason).</summary>
    public const string ApiKeyInvalid = """
        {
          "error": {
            "code": 400,
            "message": "API key not valid. Please pass a valid API key.",
            "status": "INVALID_ARGUMENT",
            "details": [
              { "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com" }
            ]
          }
        }
        """;

    /// <summary>The official file upload answer.</summary>
    public const string UploadedFile = """
        {
          "file": {
            "name": "files/abc123xyz",
            "displayName": "ref-1",
            "mimeType": "image/png",
            "sizeBytes": "482113",
            "createTime": "2026-03-01T10:00:00.000000Z",
            "expirationTime": "2026-03-03T10:00:00.000000Z",
            "sha256Hash": "ZjA4...",
            "uri": "https://generativelanguage.googleapis.com/v1beta/files/abc123xyz",
            "state": "ACTIVE",
            "source": "UPLOADED"
          }
        }
        """;

    /// <summary>A candidate with the given finish reason, parts JSON and no image unless the parts hold one.</summary>
    public static string Candidate(string? finishReason, string partsJson) =>
        "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + partsJson + "]}"
        + (finishReason is null ? string.Empty : ",\"finishReason\":\"" + finishReason + "\"") + ",\"index\":0}],\"responseId\":\"resp-1\"}";

    /// <summary>An inline image part with <paramref name="base64"/> written as given (escapes and all).</summary>
    public static string ImagePart(string base64, string mimeType = "image/png", bool thought = false) =>
        "{\"inlineData\":{\"mimeType\":\"" + mimeType + "\",\"data\":\"" + base64 + "\"}" + (thought ? ",\"thought\":true" : string.Empty) + "}";

    public static string TextPart(string text, bool thought = false) =>
        "{\"text\":\"" + text + "\"" + (thought ? ",\"thought\":true" : string.Empty) + "}";

    public static byte[] RandomBytes(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
