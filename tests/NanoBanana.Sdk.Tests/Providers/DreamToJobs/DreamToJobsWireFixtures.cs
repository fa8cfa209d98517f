namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>
/// Bodies from protocols/gateway-gemini-jobs.md (protocol B): the documented request and submit answer verbatim, and the
/// job, error and upload shapes the SDK assumes where the vendor documents none (docs/providers/dreamto.md).
/// </summary>
public static class DreamToJobsWireFixtures
{
    public const string JobId = "job_example";

    public const string ImageUrl = "https://cdn.example.com/results/job_example-0.png";

    /// <summary>The documented <c>POST /v1/jobs</c> example, compacted.</summary>
    public const string ProtocolExampleRequest =
        """{"model":"nano-banana-pro","input":{"prompt":"Remove the mottled marks on the top edge of the keyboard; keep everything else unchanged","reference_image_urls":["https://example.com/reference.png"],"image_size":"1K","aspect_ratio":"1:1","mime_type":"image/png","response_modalities":["TEXT","IMAGE"],"seed":12345,"callback_url":"https://example.com/webhook"}}""";

    /// <summary>The documented submit answer.</summary>
    public const string Accepted = """
        {
          "id": "job_example",
          "object": "job",
          "status": "processing",
          "model": "nano-banana-pro",
          "created": 1710000000,
          "request_id": "req_example"
        }
        """;

    public const string Processing = """{"id":"job_example","object":"job","status":"processing","model":"nano-banana-pro","created":1710000000}""";

    public const string SucceededWithUrl = """
        {
          "id": "job_example",
          "object": "job",
          "status": "succeeded",
          "model": "nano-banana-pro",
          "created": 1710000000,
          "output": { "images": [ { "url": "https://cdn.example.com/results/job_example-0.png", "mime_type": "image/png" } ] }
        }
        """;

    public const string FailedWithContentViolation = """
        {
          "id": "job_example",
          "object": "job",
          "status": "failed",
          "model": "nano-banana-pro",
          "created": 1710000000,
          "error": { "code": "content_violation", "message": "The output was blocked by the content-safety check." }
        }
        """;

    public const string FailedWithError = """
        {
          "id": "job_example",
          "object": "job",
          "status": "failed",
          "model": "nano-banana-pro",
          "created": 1710000000,
          "error": { "code": "generation_failed", "message": "upstream model crashed" }
        }
        """;

    public const string Uploaded = """
        {
          "id": "file_example",
          "object": "file",
          "url": "https://files.example.com/uploads/file_example/reference.png",
          "filename": "reference.png",
          "bytes": 67,
          "mime_type": "image/png",
          "kind": "image",
          "purpose": "reference",
          "created": 1710000000
        }
        """;

    public const string UploadedUrl = "https://files.example.com/uploads/file_example/reference.png";

    /// <summary>A job in <paramref name="status"/> with the given <c>output.images</c> items (raw JSON) and extra fields.</summary>
    public static string Job(string status, string? images = null, string? extra = null) =>
        "{\"id\":\"job_example\",\"object\":\"job\",\"status\":\"" + status + "\",\"model\":\"nano-banana-pro\",\"created\":1710000000"
        + (images is null ? string.Empty : ",\"output\":{\"images\":[" + images + "]}")
        + (extra is null ? string.Empty : "," + extra)
        + "}";
}
