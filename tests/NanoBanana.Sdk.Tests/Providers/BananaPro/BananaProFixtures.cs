namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>The wire shapes of protocols/bananapro.md, as the vendor's examples show them (assumed shapes are marked).</summary>
public static class BananaProFixtures
{
    public const string TaskId = "task_abc123";

    public const string ImageUrl = "https://cdn.example.com/image.png";

    public const string SubmitAccepted = """
        {
          "success": true,
          "data": {
            "task_id": "task_abc123",
            "credits_used": 4,
            "remaining_credits": 496,
            "model": "nano-banana"
          }
        }
        """;

    public const string Balances = """{ "success": true, "request_id": "req_xxx", "data": { "web_credits": 100, "api_credits": 500 } }""";

    public const string Unauthorized = """{ "success": false, "error": { "code": "unauthorized", "message": "Invalid or missing API key" } }""";

    public const string WebhookCreated =
        """{ "success": true, "data": { "id": 1, "url": "https://example.com/hooks/bananapro", "events": ["job.completed", "job.failed"], "status": "active" } }""";

    public const string WebhookList =
        """{ "success": true, "data": [ { "id": 1, "url": "https://example.com/hooks/bananapro", "events": ["job.completed", "job.failed"], "status": "active" } ] }""";

    public const string WebhookDeleted = """{ "success": true, "data": { "id": 1 } }""";

    /// <summary>The documented delivery.</summary>
    public const string DeliveryCompleted = """
        {
          "event": "job.completed",
          "task_id": "task_abc123",
          "task_type": "image",
          "status": "completed",
          "data": {
            "url": "https://cdn.example.com/image.png",
            "credits_charged": 6
          },
          "timestamp": "2024-12-23T10:00:00Z"
        }
        """;

    /// <summary>Assumed: the docs show no failure payload.</summary>
    public const string DeliveryFailed =
        """{"event":"job.failed","task_id":"task_abc123","task_type":"image","status":"failed","data":{"error":"upstream model crashed","credits_charged":4},"timestamp":"2024-12-23T10:00:00Z"}""";

    /// <summary>An assumed status answer in the shape public clients read.</summary>
    public static string Task(string status, string? imageUrl = null, string? error = null) =>
        "{\"success\":true,\"data\":{\"task_id\":\"" + TaskId + "\",\"status\":\"" + status + "\",\"image_url\":"
        + (imageUrl is null ? "null" : "\"" + imageUrl + "\"") + ",\"error\":" + (error is null ? "null" : "\"" + error + "\"") + "}}";

    /// <summary>An error body in the documented shape.</summary>
    public static string Error(string code, string message) =>
        "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"},\"request_id\":\"req_err42\"}";
}
