namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>Bodies taken from the examples of protocols/acedata.md (and the shapes it assumes where the vendor shows none).</summary>
internal static class AceDataWireFixtures
{
    public const string TaskId = "4d320ead-4af4-4a55-8f3e-f2afebdf4fd0";

    public const string TraceId = "7ba1f1e8-0ef8-450d-8bb2-b5c3bf1ea319";

    public const string SyncTaskId = "056f0589-a3dd-4ec2-8440-ad61f5038dfa";

    public const string SyncImageUrl = "https://platform.cdn.acedata.cloud/nanobanana/69790adb-c85d-4362-ad9e-0c9ba4352cf4.png";

    public const string TaskImageUrl = "https://platform.cdn.acedata.cloud/nanobanana/7e7bd000-698a-4e14-bb2d-3db61237e4bb.png";

    public const string SyncSuccess = """
        {
          "success": true,
          "task_id": "056f0589-a3dd-4ec2-8440-ad61f5038dfa",
          "trace_id": "c48de83f-0077-426e-b02b-ff1d58179064",
          "data": [
            {
              "prompt": "a white siamese cat on a windowsill, golden hour",
              "image_url": "https://platform.cdn.acedata.cloud/nanobanana/69790adb-c85d-4362-ad9e-0c9ba4352cf4.png"
            }
          ]
        }
        """;

    /// <summary>The assumed immediate answer of an async or callback submit.</summary>
    public const string Accepted = """
        { "success": true, "task_id": "4d320ead-4af4-4a55-8f3e-f2afebdf4fd0", "trace_id": "9b4b1ff3-90f2-470f-b082-1061ec2948cc" }
        """;

    public const string TaskCompleted = """
        {
          "_id": "68bc7c3c550a4144a53d0e24",
          "id": "4d320ead-4af4-4a55-8f3e-f2afebdf4fd0",
          "api_id": "9d8a117e-31ca-4322-a0fd-1771296ec610",
          "application_id": "8afd681a-2a4e-4265-aecb-43970094c019",
          "created_at": 1757183036.787,
          "credential_id": "097b2987-62f4-4ac0-b0cc-aed41e372a07",
          "request": { "action": "generate", "prompt": "a white siamese cat" },
          "trace_id": "7ba1f1e8-0ef8-450d-8bb2-b5c3bf1ea319",
          "type": "images",
          "user_id": "b87f67c1-b04f-4332-99a1-7a5e651331c6",
          "response": {
            "success": true,
            "task_id": "4d320ead-4af4-4a55-8f3e-f2afebdf4fd0",
            "trace_id": "7ba1f1e8-0ef8-450d-8bb2-b5c3bf1ea319",
            "data": [
              { "prompt": "a white siamese cat", "image_url": "https://platform.cdn.acedata.cloud/nanobanana/7e7bd000-698a-4e14-bb2d-3db61237e4bb.png" }
            ]
          }
        }
        """;

    /// <summary>The completed record without its <c>response</c>: how a running task reads.</summary>
    public const string TaskRunning = """
        {
          "_id": "68bc7c3c550a4144a53d0e24",
          "id": "4d320ead-4af4-4a55-8f3e-f2afebdf4fd0",
          "created_at": 1757183036.787,
          "request": { "action": "generate", "prompt": "a white siamese cat" },
          "trace_id": "7ba1f1e8-0ef8-450d-8bb2-b5c3bf1ea319",
          "type": "images"
        }
        """;

    public const string ErrorApi = """
        {
          "success": false,
          "error": { "code": "api_error", "message": "Internal server error." },
          "trace_id": "2cf86e86-22a4-46e1-ac2f-032c0f2a4e89"
        }
        """;

    public const string BatchOfOne = "{ \"items\": [" + TaskCompleted + "], \"count\": 1 }";

    public const string CallbackSuccess = """
        {
          "success": true,
          "task_id": "6a97bf49-df50-4129-9e46-119aa9fca73c",
          "trace_id": "9b4b1ff3-90f2-470f-b082-1061ec2948cc",
          "data": [
            { "prompt": "a white siamese cat", "image_url": "https://platform.cdn.acedata.cloud/nanobanana/3f1c9a70-1b7e-4a2c-9d0e-5b6a8e2f4c11.png" }
          ]
        }
        """;

    /// <summary>A record whose <c>response</c> is the given JSON (or absent when null), for the completion rules.</summary>
    public static string Task(string? response, string extra = "") =>
        "{\"id\":\"" + TaskId + "\",\"trace_id\":\"" + TraceId + "\",\"type\":\"images\"" + extra + (response is null ? string.Empty : ",\"response\":" + response) + "}";

    /// <summary>An error body with the given code, message and status-independent trace id.</summary>
    public static string Error(string code, string message) =>
        "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"},\"trace_id\":\"" + TraceId + "\"}";

    /// <summary>A finished failed task's response: the error body with its task id (the assumed shape).</summary>
    public static string Failed(string code, string message) =>
        "{\"success\":false,\"task_id\":\"" + TaskId + "\",\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"},\"trace_id\":\"" + TraceId + "\"}";
}
