using System.Net;
using NanoBanana.Sdk.Providers.Apixo;

namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>Golden wire tests: how each response, status and error shape of protocols/generatetask.md reaches the caller.</summary>
public sealed class ApixoResponseWireTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ImageGenerationOperation> Resume(string status)
    {
        var client = ApixoTestClients.Direct(new StubHandler(_time).On(HttpMethod.Get, "/statusTask/nano-banana", Reply.Json(status)), _time);
        return await client.GetGenerationAsync(ApixoWireFixtures.OperationId, Ct);
    }

    [Fact]
    public async Task A_success_status_yields_the_result_url_parsed_from_result_json()
    {
        var operation = await Resume(ApixoWireFixtures.Success);

        var result = operation.Value;
        var image = Assert.Single(result.Images);
        Assert.Equal(new Uri(ApixoWireFixtures.ImageUrl), image.Uri);
        Assert.Equal("image/jpeg", image.MediaType);
        Assert.Equal(ApixoWireFixtures.OperationId, result.OperationId);
        Assert.Equal("Apixo", result.Provider);
        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
    }

    [Fact]
    public async Task A_result_url_expires_24_hours_after_completion()
    {
        var operation = await Resume(ApixoWireFixtures.Success);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704067212500) + TimeSpan.FromHours(24), Assert.Single(operation.Value.Images).ExpiresAt);
    }

    [Fact]
    public async Task The_raw_status_exposes_create_complete_and_cost_times()
    {
        var operation = await Resume(ApixoWireFixtures.Success);

        var status = Assert.IsType<ApixoTaskStatus>(operation.Value.RawRepresentation);
        Assert.Equal(1704067200000, status.CreateTime);
        Assert.Equal(DateTimeOffset.Parse("2024-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), status.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2024-01-01T00:00:12.5Z", System.Globalization.CultureInfo.InvariantCulture), status.CompletedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(12500), status.Cost);
        Assert.Equal([ApixoWireFixtures.ImageUrl], status.ResultUrls);
    }

    [Fact]
    public async Task The_typed_status_read_returns_the_vendor_record()
    {
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(HttpMethod.Get, "/statusTask/nano-banana", Reply.Json(ApixoWireFixtures.Failed)), _time);

        var status = await client.GetTaskStatusAsync(ApixoModels.NanoBanana, ApixoWireFixtures.TaskId, Ct);

        Assert.Equal(ApixoTaskStates.Failed, status.State);
        Assert.Equal(ApixoFailCodes.ContentViolation, status.FailCode);
        Assert.Equal("Content violates usage policy", status.FailMessage);
        Assert.Null(status.CostTime);
        Assert.Equal(TimeSpan.FromSeconds(5), status.CompletedAt - status.CreatedAt);
    }

    [Theory]
    [InlineData("""{"resultUrls":["https://cdn.apixo.ai/output/abc123.jpg"]}""")]
    [InlineData("""{"resultUrls":"https://cdn.apixo.ai/output/abc123.jpg"}""")]
    [InlineData("\"{\\\"resultUrls\\\":\\\"https://cdn.apixo.ai/output/abc123.jpg\\\"}\"")]
    public async Task Result_json_as_an_object_or_with_a_single_url_string_is_tolerated(string rawResultJson)
    {
        var operation = await Resume(ApixoWireFixtures.SuccessWithResultJson(rawResultJson));

        Assert.Equal(new Uri(ApixoWireFixtures.ImageUrl), Assert.Single(operation.Value.Images).Uri);
    }

    [Theory]
    [InlineData("\"not json\"")]
    [InlineData("\"{\\\"resultUrls\\\":[]}\"")]
    [InlineData("\"{\\\"resultUrls\\\":[\\\"/relative.png\\\"]}\"")]
    [InlineData("null")]
    public async Task A_success_without_a_usable_url_ends_failed_with_the_operation_id(string rawResultJson)
    {
        var operation = await Resume(ApixoWireFixtures.SuccessWithResultJson(rawResultJson));

        Assert.Equal(ImageGenerationStatus.Failed, operation.Status);
        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Equal(ApixoWireFixtures.OperationId, e.OperationId);
    }

    [Theory]
    [InlineData(ApixoWireFixtures.Pending, "queued")]
    [InlineData(ApixoWireFixtures.Processing, "running")]
    public async Task Unfinished_states_map_to_queued_and_running(string status, string expected)
    {
        var operation = await Resume(status);

        Assert.Equal(new ImageGenerationStatus(expected), operation.Status);
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task Content_violation_is_content_filtered_with_the_operation_id_and_fail_code()
    {
        var operation = await Resume(ApixoWireFixtures.Failed);

        var e = Assert.Throws<NanoBananaContentFilteredException>(() => operation.Value);
        Assert.Equal(ApixoWireFixtures.OperationId, e.OperationId);
        Assert.Equal("CONTENT_VIOLATION", e.ErrorCode);
        Assert.Contains("Content violates usage policy", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task Invalid_image_url_is_a_plain_non_transient_exception_about_the_reference_url()
    {
        var operation = await Resume(ApixoWireFixtures.FailedWith("INVALID_IMAGE_URL", "Cannot access provided image URL"));

        var e = Assert.Throws<NanoBananaException>(() => operation.Value);
        Assert.Equal(typeof(NanoBananaException), e.GetType());
        Assert.Equal("INVALID_IMAGE_URL", e.ErrorCode);
        Assert.Equal(ApixoWireFixtures.OperationId, e.OperationId);
        Assert.Contains("reference image", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Theory]
    [InlineData("PROMPT_TOO_LONG", false)]
    [InlineData("GENERATION_FAILED", true)]
    [InlineData("SomethingNew", false)]
    public async Task Other_fail_codes_are_generation_failed_carrying_the_code(string failCode, bool transient)
    {
        var operation = await Resume(ApixoWireFixtures.FailedWith(failCode, "it broke"));

        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Equal(failCode, e.ErrorCode);
        Assert.Equal(ApixoWireFixtures.OperationId, e.OperationId);
        Assert.Equal(transient, e.IsTransient);
    }

    [Theory]
    [InlineData("NSFW_DETECTED")]
    [InlineData("SensitiveContentDetected")]
    public async Task Content_codes_of_the_other_catalogs_are_content_filtered(string failCode)
    {
        var operation = await Resume(ApixoWireFixtures.FailedWith(failCode, "blocked"));

        Assert.Throws<NanoBananaContentFilteredException>(() => operation.Value);
    }

    [Fact]
    public async Task The_documented_400_body_is_read_into_the_message()
    {
        using var client = ApixoTestClients.Direct(
            new StubHandler(_time).On(HttpMethod.Post, "/generateTask/nano-banana", Reply.Json(ApixoWireFixtures.BadRequest, HttpStatusCode.BadRequest)), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.Equal(400, e.StatusCode);
        Assert.Contains("Invalid request: Missing required field: input.prompt", e.Message, StringComparison.Ordinal);
        Assert.Null(e.ErrorCode);
    }

    [Fact]
    public async Task An_identifier_in_data_error_becomes_the_error_code()
    {
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(
            HttpMethod.Post, "/generateTask/nano-banana",
            Reply.Json("""{"code":400,"message":"Invalid request","data":{"error":"PromptLengthExceeded"}}""", HttpStatusCode.BadRequest)), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.Equal("PromptLengthExceeded", e.ErrorCode);
    }

    [Fact]
    public async Task A_403_naming_a_content_code_is_content_filtered()
    {
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(
            HttpMethod.Post, "/generateTask/nano-banana",
            Reply.Json("""{"code":403,"message":"Forbidden","data":{"error":"SensitiveContentDetected"}}""", HttpStatusCode.Forbidden)), _time);

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.Equal(403, e.StatusCode);
        Assert.Equal("SensitiveContentDetected", e.ErrorCode);
    }

    [Fact]
    public async Task A_403_without_a_content_code_is_an_authentication_exception()
    {
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(
            HttpMethod.Post, "/generateTask/nano-banana",
            Reply.Json("""{"code":403,"message":"Forbidden","data":{"error":"API key lacks permission"}}""", HttpStatusCode.Forbidden)), _time);

        await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));
    }

    [Fact]
    public async Task An_http_200_envelope_naming_a_content_code_is_content_filtered()
    {
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(
            HttpMethod.Post, "/generateTask/nano-banana", Reply.Json("""{"code":403,"message":"Forbidden","data":{"error":"CONTENT_VIOLATION"}}""")), _time);

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.Equal("CONTENT_VIOLATION", e.ErrorCode);
    }

    [Fact]
    public async Task A_429_is_a_rate_limit_exception_with_retry_after()
    {
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(
            HttpMethod.Post, "/generateTask/nano-banana",
            Reply.Json("""{"code":429,"message":"Rate limit exceeded","data":{"error":"Wait and retry"}}""", HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(4))), _time);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.Equal(TimeSpan.FromSeconds(4), e.RetryAfter);
        Assert.True(e.IsTransient);
    }

    [Theory]
    [InlineData(401, typeof(NanoBananaAuthenticationException))]
    [InlineData(402, typeof(NanoBananaQuotaExceededException))]
    [InlineData(429, typeof(NanoBananaRateLimitException))]
    [InlineData(400, typeof(NanoBananaException))]
    public async Task An_http_200_whose_envelope_code_is_an_error_throws_that_error(int code, Type expected)
    {
        var body = "{\"code\":" + code + ",\"message\":\"nope\",\"data\":{\"error\":\"detail\"}}";
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(HttpMethod.Post, "/generateTask/nano-banana", Reply.Json(body)), _time);

        var e = await Assert.ThrowsAsync(expected, () => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        var exception = Assert.IsAssignableFrom<NanoBananaException>(e);
        Assert.Equal(code, exception.StatusCode);
        Assert.Contains("nope: detail", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_envelope_on_a_status_read_carries_the_operation_id()
    {
        var body = """{"code":404,"message":"Not found","data":{"error":"Task not found"}}""";
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(HttpMethod.Get, "/statusTask/nano-banana", Reply.Json(body)), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GetGenerationAsync(ApixoWireFixtures.OperationId, Ct));

        Assert.Equal(ApixoWireFixtures.OperationId, e.OperationId);
        Assert.Equal(404, e.StatusCode);
    }

    [Fact]
    public async Task A_submit_answer_without_a_task_id_says_the_job_may_still_run()
    {
        using var client = ApixoTestClients.Direct(
            new StubHandler(_time).On(HttpMethod.Post, "/generateTask/nano-banana", Reply.Json("""{"code":200,"message":"success","data":{}}""")), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.Contains("taskId", e.Message, StringComparison.Ordinal);
        Assert.Contains("charged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_key_is_not_echoed_in_the_exception()
    {
        using var client = ApixoTestClients.Direct(new StubHandler(_time).On(
            HttpMethod.Post, "/generateTask/nano-banana",
            Reply.Json("{\"code\":401,\"message\":\"Unauthorized\",\"data\":{\"error\":\"bad key " + ApixoTestClients.ApiKey + "\"}}", HttpStatusCode.Unauthorized)), _time);

        var e = await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p" }, Ct));

        Assert.DoesNotContain(ApixoTestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
        Assert.Contains("APIXO_API_KEY", e.Message, StringComparison.Ordinal);
    }
}
