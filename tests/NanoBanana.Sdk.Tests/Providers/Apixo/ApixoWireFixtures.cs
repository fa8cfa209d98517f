namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>Bodies taken from the examples of protocols/generatetask.md.</summary>
internal static class ApixoWireFixtures
{
    public const string TaskId = "task_abc123xyz789";

    public const string OperationId = "nano-banana:task_abc123xyz789";

    public const string ImageUrl = "https://cdn.apixo.ai/output/abc123.jpg";

    public const string Submitted = """{ "code": 200, "message": "success", "data": { "taskId": "task_abc123xyz789" } }""";

    public const string Pending = """{ "code": 200, "message": "success", "data": { "taskId": "task_abc123xyz789", "state": "pending", "createTime": 1704067200000 } }""";

    public const string Processing = """{ "code": 200, "message": "success", "data": { "taskId": "task_abc123xyz789", "state": "processing", "createTime": 1704067200000 } }""";

    public const string Success = """
        {
          "code": 200,
          "message": "success",
          "data": {
            "taskId": "task_abc123xyz789",
            "state": "success",
            "resultJson": "{\"resultUrls\":[\"https://cdn.apixo.ai/output/abc123.jpg\"]}",
            "costTime": 12500,
            "createTime": 1704067200000,
            "completeTime": 1704067212500
          }
        }
        """;

    public const string Failed = """
        {
          "code": 200,
          "message": "success",
          "data": {
            "taskId": "task_abc123xyz789",
            "state": "failed",
            "failCode": "CONTENT_VIOLATION",
            "failMsg": "Content violates usage policy",
            "createTime": 1704067200000,
            "completeTime": 1704067205000
          }
        }
        """;

    public const string WebhookSuccess = """
        {
          "code": 200,
          "message": "success",
          "data": {
            "taskId": "task_abc123xyz",
            "state": "success",
            "resultJson": "{\"resultUrls\":[\"https://cdn.apixo.ai/output/abc.jpg\"]}",
            "costTime": 12500,
            "createTime": 1704067200000,
            "completeTime": 1704067212500
          }
        }
        """;

    public const string BadRequest = """{ "code": 400, "message": "Invalid request", "data": { "error": "Missing required field: input.prompt" } }""";

    /// <summary>The protocol file's request example, byte for byte in field order.</summary>
    public const string CallbackRequest =
        """{"request_type":"callback","callback_url":"https://example.com/hooks/apixo","provider":"auto","input":{"mode":"image-to-image","prompt":"make this scene look like sunrise with warm golden light","aspect_ratio":"3:2","image_urls":["https://example.com/ref1.jpg"],"output_format":"png"}}""";

    /// <summary>A failed status with another failCode.</summary>
    public static string FailedWith(string failCode, string failMsg) =>
        "{\"code\":200,\"message\":\"success\",\"data\":{\"taskId\":\"" + TaskId + "\",\"state\":\"failed\",\"failCode\":\"" + failCode
        + "\",\"failMsg\":\"" + failMsg + "\",\"createTime\":1704067200000,\"completeTime\":1704067205000}}";

    /// <summary>A success status whose resultJson is given as raw JSON (a string literal or an object).</summary>
    public static string SuccessWithResultJson(string rawResultJson) =>
        "{\"code\":200,\"message\":\"success\",\"data\":{\"taskId\":\"" + TaskId + "\",\"state\":\"success\",\"resultJson\":" + rawResultJson
        + ",\"costTime\":12500,\"createTime\":1704067200000,\"completeTime\":1704067212500}}";
}
