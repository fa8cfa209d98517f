using System.Net;
using NanoBanana.Sdk.Providers.DreamToJobs;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Golden wire tests: how the client reads the submit answer and every job shape it accepts.</summary>
public sealed class DreamToJobsResponseWireTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A real PNG long enough to be lifted out of the body as a blob (more than 256 base64 characters).</summary>
    private static readonly byte[] LargePng = [.. Png.Tiny, .. Enumerable.Range(0, 600).Select(i => (byte)i)];

    private async Task<ImageGenerationOperation> ReadStatus(string json)
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/v1/jobs/" + DreamToJobsWireFixtures.JobId, Reply.Json(json));
        using var client = DreamToJobsTestClients.Direct(stub, _time);
        return await client.GetGenerationAsync(DreamToJobsWireFixtures.JobId, Ct);
    }

    private async Task<ImageGenerationResult> ReadResult(string json) => (await ReadStatus(json)).Value;

    [Fact]
    public async Task The_submit_answer_becomes_a_running_operation_with_the_job_id()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/v1/jobs", Reply.Json(DreamToJobsWireFixtures.Accepted));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        Assert.Equal(DreamToJobsWireFixtures.JobId, operation.Id);
        Assert.Equal(ImageGenerationStatus.Running, operation.Status);
        Assert.Equal(DreamToJobsImageClient.ProviderId, operation.Provider);
    }

    [Fact]
    public async Task The_typed_create_call_returns_the_documented_fields()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/v1/jobs", Reply.Json(DreamToJobsWireFixtures.Accepted));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var job = await client.CreateJobAsync(new DreamToJobRequest { Model = "nano-banana-pro", Input = new DreamToJobInput { Prompt = "p" } }, Ct);

        Assert.Equal(
            new DreamToJob
            {
                Id = "job_example",
                ObjectType = "job",
                Status = "processing",
                Model = "nano-banana-pro",
                Created = 1710000000,
                RequestId = "req_example",
            },
            job);
    }

    [Fact]
    public async Task A_submit_answer_without_an_id_is_a_nano_banana_exception()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/v1/jobs", Reply.Json("""{"object":"job","status":"processing"}"""));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Contains("no id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_succeeded_job_with_a_url_yields_a_url_image_with_its_media_type()
    {
        var result = await ReadResult(DreamToJobsWireFixtures.SucceededWithUrl);

        var image = Assert.Single(result.Images);
        Assert.Equal(new Uri(DreamToJobsWireFixtures.ImageUrl), image.Uri);
        Assert.Equal("image/png", image.MediaType);
        Assert.Null(image.Data);
        Assert.Equal(DreamToJobsWireFixtures.JobId, result.OperationId);
        Assert.IsType<DreamToJob>(result.RawRepresentation);
    }

    [Fact]
    public async Task A_large_b64_json_image_is_decoded_from_the_stream()
    {
        var result = await ReadResult(DreamToJobsWireFixtures.Job("succeeded", "{\"b64_json\":\"" + Convert.ToBase64String(LargePng) + "\",\"mime_type\":\"image/png\"}"));

        var image = Assert.Single(result.Images);
        Assert.Equal(LargePng, image.Data!.Value.ToArray());
        Assert.Equal("image/png", image.MediaType);
        Assert.Null(image.Uri);
    }

    [Fact]
    public async Task A_short_b64_json_image_is_decoded_too()
    {
        var result = await ReadResult(DreamToJobsWireFixtures.Job("succeeded", "{\"b64_json\":\"" + Convert.ToBase64String(Png.Tiny) + "\"}"));

        var image = Assert.Single(result.Images);
        Assert.Equal(Png.Tiny, image.Data!.Value.ToArray());
        Assert.Equal("image/png", image.MediaType);
    }

    [Fact]
    public async Task A_data_and_mime_type_image_is_decoded()
    {
        var result = await ReadResult(DreamToJobsWireFixtures.Job("succeeded", "{\"data\":\"" + Convert.ToBase64String(LargePng) + "\",\"mimeType\":\"image/webp\"}"));

        var image = Assert.Single(result.Images);
        Assert.Equal(LargePng, image.Data!.Value.ToArray());
        Assert.Equal("image/webp", image.MediaType);
    }

    [Fact]
    public async Task Json_escaped_base64_is_decoded()
    {
        var escaped = Convert.ToBase64String(LargePng).Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal);

        var result = await ReadResult(DreamToJobsWireFixtures.Job("succeeded", "{\"b64_json\":\"" + escaped + "\"}"));

        Assert.Equal(LargePng, Assert.Single(result.Images).Data!.Value.ToArray());
    }

    [Fact]
    public async Task Unpadded_base64url_is_decoded()
    {
        var base64Url = Convert.ToBase64String(Png.Tiny).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var result = await ReadResult(DreamToJobsWireFixtures.Job("succeeded", "{\"b64_json\":\"" + base64Url + "\"}"));

        Assert.Equal(Png.Tiny, Assert.Single(result.Images).Data!.Value.ToArray());
    }

    [Fact]
    public async Task A_bare_string_image_is_a_url_and_relative_urls_resolve_against_the_base_address()
    {
        var result = await ReadResult(DreamToJobsWireFixtures.Job("succeeded", "\"https://cdn.example.com/a.jpg\",\"/results/b.png\""));

        Assert.Equal(
            [new Uri("https://cdn.example.com/a.jpg"), new Uri(DreamToJobsTestClients.BaseAddress, "results/b.png")],
            result.Images.Select(i => i.Uri!));
        Assert.Equal(["image/jpeg", "image/png"], result.Images.Select(i => i.MediaType));
    }

    [Fact]
    public async Task Url_and_inline_images_can_share_one_job()
    {
        var result = await ReadResult(DreamToJobsWireFixtures.Job(
            "succeeded", "{\"url\":\"https://cdn.example.com/a.png\"},{\"b64_json\":\"" + Convert.ToBase64String(LargePng) + "\"}"));

        Assert.Equal(2, result.Images.Count);
        Assert.NotNull(result.Images[0].Uri);
        Assert.Equal(LargePng, result.Images[1].Data!.Value.ToArray());
    }

    [Fact]
    public async Task Output_text_becomes_the_result_text()
    {
        var json = DreamToJobsWireFixtures.Job("succeeded").Replace("}", ",\"output\":{\"images\":[\"https://cdn.example.com/a.png\"],\"text\":\"Here you go\"}}", StringComparison.Ordinal);

        var result = await ReadResult(json);

        Assert.Equal("Here you go", result.Text);
    }

    [Theory]
    [InlineData("queued", "queued")]
    [InlineData("pending", "queued")]
    [InlineData("processing", "running")]
    [InlineData("in_progress", "running")]
    [InlineData("RUNNING", "running")]
    [InlineData("warming_up", "running")]
    [InlineData("succeeded", "succeeded")]
    [InlineData("completed", "succeeded")]
    [InlineData("SUCCESS", "succeeded")]
    [InlineData("failed", "failed")]
    [InlineData("error", "failed")]
    [InlineData("cancelled", "canceled")]
    [InlineData("canceled", "canceled")]
    public async Task Status_words_map_ignoring_case(string wire, string expected)
    {
        var operation = await ReadStatus(DreamToJobsWireFixtures.Job(wire, "\"https://cdn.example.com/a.png\""));

        Assert.Equal(new ImageGenerationStatus(expected), operation.Status);
    }

    [Fact]
    public async Task A_succeeded_job_without_images_is_a_failure_naming_the_job()
    {
        var operation = await ReadStatus(DreamToJobsWireFixtures.Job("succeeded"));

        Assert.Equal(ImageGenerationStatus.Failed, operation.Status);
        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Equal(DreamToJobsWireFixtures.JobId, e.OperationId);
    }

    [Fact]
    public async Task A_failed_job_throws_generation_failed_with_the_vendor_code_and_message()
    {
        var operation = await ReadStatus(DreamToJobsWireFixtures.FailedWithError);

        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Equal("generation_failed", e.ErrorCode);
        Assert.Contains("upstream model crashed", e.Message, StringComparison.Ordinal);
        Assert.Equal(DreamToJobsWireFixtures.JobId, e.OperationId);
        Assert.Equal(DreamToJobsImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task A_failed_job_with_a_string_error_keeps_the_message()
    {
        var operation = await ReadStatus(DreamToJobsWireFixtures.Job("failed", extra: "\"error\":\"quota of the upstream model exhausted\""));

        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Contains("quota of the upstream model exhausted", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_violation_throws_content_filtered_with_the_job_id()
    {
        var operation = await ReadStatus(DreamToJobsWireFixtures.FailedWithContentViolation);

        var e = Assert.Throws<NanoBananaContentFilteredException>(() => operation.Value);
        Assert.Equal("content_violation", e.ErrorCode);
        Assert.Equal(DreamToJobsWireFixtures.JobId, e.OperationId);
    }

    [Fact]
    public async Task A_cancelled_job_throws_generation_failed()
    {
        var operation = await ReadStatus(DreamToJobsWireFixtures.Job("cancelled"));

        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Equal("cancelled", e.ErrorCode);
    }

    [Fact]
    public async Task Reported_progress_becomes_the_operation_percent()
    {
        var operation = await ReadStatus(DreamToJobsWireFixtures.Job("processing", extra: "\"progress\":42.4"));

        Assert.Equal(42, operation.Percent);
    }

    [Fact]
    public async Task A_malformed_status_body_is_a_nano_banana_exception_with_the_job_id()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => ReadStatus("{\"id\":\"job_example\",\"status\":"));

        Assert.Contains(DreamToJobsImageClient.ProviderId, e.Message, StringComparison.Ordinal);
        Assert.Equal(DreamToJobsWireFixtures.JobId, e.OperationId);
    }

    [Fact]
    public async Task Inline_data_that_is_not_base64_is_a_nano_banana_exception_without_the_payload()
    {
        var junk = new string('#', 400);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => ReadStatus(DreamToJobsWireFixtures.Job("succeeded", "{\"b64_json\":\"" + junk + "\"}")));

        Assert.False(e.IsTransient);
        Assert.DoesNotContain(junk, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_url_the_sdk_cannot_use_fails_naming_the_job()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => ReadStatus(DreamToJobsWireFixtures.Job("succeeded", "\"ftp://cdn.example.com/a.png\"")));

        Assert.Equal(DreamToJobsWireFixtures.JobId, e.OperationId);
    }

    [Fact]
    public async Task A_retry_after_header_on_a_status_read_is_kept_as_the_next_poll_hint()
    {
        var stub = new StubHandler(_time)
            .On(HttpMethod.Post, "/v1/jobs", Reply.Json(DreamToJobsWireFixtures.Accepted))
            .On(
                HttpMethod.Get,
                "/v1/jobs/" + DreamToJobsWireFixtures.JobId,
                Reply.Json(DreamToJobsWireFixtures.Processing, HttpStatusCode.OK, TimeSpan.FromSeconds(20)),
                Reply.Json(DreamToJobsWireFixtures.SucceededWithUrl));
        using var client = DreamToJobsTestClients.Direct(stub, _time, o => o.PollingStrategy = PollingStrategy.Fixed(TimeSpan.FromSeconds(1)));
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        var started = _time.Now;

        await _time.RunAsync(operation.WaitForCompletionAsync(Ct));

        var polls = stub.RequestsTo(HttpMethod.Get, "/v1/jobs/" + DreamToJobsWireFixtures.JobId);
        Assert.Equal([1, 21], polls.Select(p => (p.At - started).TotalSeconds));
    }
}
