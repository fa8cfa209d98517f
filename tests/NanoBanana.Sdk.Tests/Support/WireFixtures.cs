namespace NanoBanana.Sdk.Tests.Support;

/// <summary>Response bodies taken from the examples of protocols/nananobanana.md.</summary>
public static class WireFixtures
{
    public const string GenerationId = "clxx8k2m0000abcd";

    public const string ImageUrl = "https://cloudflarer2.nananobanana.com/png/1777876630130_282.png";

    public const string SyncSuccess = """
        {
          "success": true,
          "generationId": "clxx8k2m0000abcd",
          "imageUrls": ["https://cloudflarer2.nananobanana.com/png/1777876630130_282.png"],
          "creditsUsed": 1,
          "remainingCredits": 99
        }
        """;

    public const string SyncWarning = """
        {
          "success": false,
          "warning": true,
          "generationId": "clxx8k2m0000abcd",
          "message": "Content safety check failed",
          "creditsUsed": 1,
          "remainingCredits": 99
        }
        """;

    public const string AsyncAccepted = """
        {
          "success": true,
          "async": true,
          "generationId": "clxx8k2m0000abcd",
          "message": "Generation started. Use GET /api/v1/generate?id={generationId} to poll for results.",
          "creditsUsed": 1,
          "remainingCredits": 99
        }
        """;

    public const string PollProcessing = """
        {
          "data": {
            "id": "clxx8k2m0000abcd",
            "prompt": "Chinese ink painting style landscape",
            "outputImageUrls": null,
            "modelUsed": "nano-banana",
            "processingStatus": "processing",
            "creditsUsed": 1,
            "createdAt": "2025-01-01T00:00:00.000Z"
          }
        }
        """;

    public const string PollCompleted = """
        {
          "data": {
            "id": "clxx8k2m0000abcd",
            "prompt": "Chinese ink painting style landscape",
            "outputImageUrls": ["https://cloudflarer2.nananobanana.com/png/1777876630130_282.png"],
            "modelUsed": "nano-banana",
            "processingStatus": "completed",
            "creditsUsed": 1,
            "createdAt": "2025-01-01T00:00:00.000Z"
          }
        }
        """;

    public const string PollFailed = """
        {
          "data": {
            "id": "clxx8k2m0000abcd",
            "prompt": "Chinese ink painting style landscape",
            "outputImageUrls": null,
            "modelUsed": "nano-banana",
            "processingStatus": "failed",
            "errorMessage": "Generation failed due to server error",
            "creditsUsed": 1,
            "createdAt": "2025-01-01T00:00:00.000Z"
          }
        }
        """;

    public const string Models = """
        {
          "data": [
            {
              "name": "nano-banana",
              "displayName": "Nano Banana",
              "creditsCost": 1,
              "supportsImageInput": true,
              "supportsAspectRatio": true,
              "requiresPro": false
            },
            {
              "name": "nanobanan2&pro",
              "displayName": "Nano Banana 2 Pro",
              "creditsCost": 3,
              "supportsImageInput": true,
              "supportsAspectRatio": true,
              "requiresPro": true,
              "description": "Pro model"
            }
          ]
        }
        """;

    public const string Credits = """{ "data": { "credits": 100 } }""";

    public const string ServerBusy = """
        {
          "error": "Server is busy, too many concurrent tasks. Please retry later.",
          "type": "server_busy",
          "activeTasks": 10
        }
        """;

    public const string StatusStarting = """{"type":"status","message":"Starting generation...","progress":0}""";

    public const string StatusProcessing50 = """{"type":"status","message":"Processing...","progress":50}""";

    public const string StatusHeartbeat = """{"type":"status","message":"Processing...","progress":0}""";

    public const string StreamComplete =
        """{"type":"complete","message":"Generation complete","progress":100,"data":{"success":true,"imageUrls":["https://cloudflarer2.nananobanana.com/png/1777876630130_282.png"]}}""";

    public const string StreamError = """{"type":"error","message":"Generation failed","progress":0,"data":{"success":false,"error":"upstream error"}}""";

    public static string Poll(string status, string id = GenerationId, string? urls = null, string? error = null)
    {
        var errorField = error is null ? string.Empty : "\"errorMessage\":\"" + error + "\",";
        return "{\"data\":{\"id\":\"" + id + "\",\"prompt\":\"p\",\"outputImageUrls\":" + (urls ?? "null")
            + ",\"modelUsed\":\"nano-banana\",\"processingStatus\":\"" + status + "\"," + errorField
            + "\"creditsUsed\":1,\"createdAt\":\"2025-01-01T00:00:00.000Z\"}}";
    }
}
