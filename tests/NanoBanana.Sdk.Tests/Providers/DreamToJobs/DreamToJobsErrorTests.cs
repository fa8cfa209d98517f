using System.Net;
using NanoBanana.Sdk.Providers.DreamToJobs;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Error bodies in every shape the client reads, the typed exceptions they become, and which calls are retried.</summary>
public sealed class DreamToJobsErrorTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<NanoBananaException> SubmitFails(HttpStatusCode status, string body)
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/v1/jobs", Reply.Json(body, status));
        using var client = DreamToJobsTestClients.Direct(stub, _time);
        return await Assert.ThrowsAnyAsync<NanoBananaException>(() => client.StartGenerationAsync(TestClients.Request(), Ct));
    }

    [Theory]
    [InlineData("""{"error":{"message":"Invalid request.","type":"invalid_request_error","code":"invalid_request"}}""", "invalid_request", "Invalid request.")]
    [InlineData("""{"error":{"code":"bad_prompt","message":"The prompt is too long."}}""", "bad_prompt", "The prompt is too long.")]
    [InlineData("""{"error":{"code":400,"message":"Bad aspect ratio.","status":"INVALID_ARGUMENT"}}""", "INVALID_ARGUMENT", "Bad aspect ratio.")]
    [InlineData("""{"error":"Missing prompt"}""", null, "Missing prompt")]
    [InlineData("""{"message":"Model not found","code":40401}""", "40401", "Model not found")]
    public async Task Every_common_error_shape_yields_its_code_and_message(string body, string? code, string message)
    {
        var e = await SubmitFails(HttpStatusCode.BadRequest, body);

        Assert.Equal(400, e.StatusCode);
        Assert.Equal(code, e.ErrorCode);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(DreamToJobsImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task A_plain_text_error_body_still_yields_the_typed_exception_for_its_status()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/v1/jobs", _ => new HttpResponseMessage(HttpStatusCode.PaymentRequired)
        {
            Content = new StringContent("balance too low"),
        });
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaQuotaExceededException>(() => client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Contains("balance too low", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_names_the_setting_and_the_environment_variable_and_never_the_key()
    {
        var e = await SubmitFails(HttpStatusCode.Unauthorized, """{"error":{"message":"Invalid API key.","code":"invalid_api_key"}}""");

        Assert.IsType<NanoBananaAuthenticationException>(e);
        Assert.Contains("DREAMTO_API_KEY", e.Message, StringComparison.Ordinal);
        Assert.Contains("NanoBanana:DreamToJobs:ApiKey", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DreamToJobsTestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_echoed_in_an_error_body_is_scrubbed()
    {
        var e = await SubmitFails(HttpStatusCode.Forbidden, "{\"error\":{\"message\":\"key " + DreamToJobsTestClients.ApiKey + " is disabled\"}}");

        Assert.IsType<NanoBananaAuthenticationException>(e);
        Assert.DoesNotContain(DreamToJobsTestClients.ApiKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_on_a_status_read_is_a_rate_limit_exception_with_retry_after()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, "/v1/jobs/" + DreamToJobsWireFixtures.JobId, Reply.Json("""{"error":{"code":"rate_limit_exceeded","message":"Slow down."}}""", HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30)));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GetGenerationAsync(DreamToJobsWireFixtures.JobId, Ct));

        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Equal(DreamToJobsWireFixtures.JobId, e.OperationId);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task An_unknown_job_id_is_a_404_nano_banana_exception_naming_the_job()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, "/v1/jobs/job_missing", Reply.Json("""{"error":{"code":"not_found","message":"No job with id 'job_missing'."}}""", HttpStatusCode.NotFound));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GetGenerationAsync("job_missing", Ct));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal("not_found", e.ErrorCode);
        Assert.Equal("job_missing", e.OperationId);
    }

    [Fact]
    public async Task A_500_on_submit_is_not_resent()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/v1/jobs", Reply.Json("""{"error":{"message":"Internal server error."}}""", HttpStatusCode.InternalServerError));
        using var client = DreamToJobsTestClients.Resilient(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct)));

        Assert.Equal(500, e.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_503_on_submit_is_retried_because_the_vendor_did_not_run_the_job()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Post, "/v1/jobs", Reply.Status(HttpStatusCode.ServiceUnavailable), Reply.Json(DreamToJobsWireFixtures.Accepted));
        using var client = DreamToJobsTestClients.Resilient(stub, _time);

        var operation = await _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Equal(DreamToJobsWireFixtures.JobId, operation.Id);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_500_on_a_status_read_is_retried()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, "/v1/jobs/" + DreamToJobsWireFixtures.JobId, Reply.Status(HttpStatusCode.InternalServerError), Reply.Json(DreamToJobsWireFixtures.SucceededWithUrl));
        using var client = DreamToJobsTestClients.Resilient(stub, _time);

        var operation = await _time.RunAsync(client.GetGenerationAsync(DreamToJobsWireFixtures.JobId, Ct));

        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task An_upload_refused_with_429_is_resent_with_the_whole_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "nanobanana-tests", Guid.NewGuid().ToString("N"), "ref.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Png.Tiny, Ct);
        var stub = new StubHandler(_time).On(
            HttpMethod.Post, "/v1/files/upload", Reply.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2)), Reply.Json(DreamToJobsWireFixtures.Uploaded));
        using var client = DreamToJobsTestClients.Resilient(stub, _time);

        try
        {
            await _time.RunAsync(client.UploadFileAsync(path, cancellationToken: Ct));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal(Png.Tiny, MultipartForm.Parse(r).Part("file").Content));
    }

    [Fact]
    public async Task An_upload_answer_without_a_url_stops_before_the_job_is_submitted()
    {
        var stub = new StubHandler(_time)
            .On(HttpMethod.Post, "/v1/files/upload", Reply.Json("""{"id":"file_1","object":"file"}"""))
            .On(HttpMethod.Post, "/v1/jobs", Reply.Json(DreamToJobsWireFixtures.Accepted));
        using var client = DreamToJobsTestClients.Direct(stub, _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(
            new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromBytes(Png.Tiny, "image/png")] }, Ct));

        Assert.Contains("file_1", e.Message, StringComparison.Ordinal);
        Assert.Empty(stub.RequestsTo(HttpMethod.Post, "/v1/jobs"));
    }

    [Fact]
    public async Task A_slow_status_body_runs_into_the_read_budget_as_a_timeout_naming_the_job()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get,
            "/v1/jobs/" + DreamToJobsWireFixtures.JobId,
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TimedStream(_time, [(TimeSpan.Zero, "{\"id\":\"job_example\",")])) });
        using var client = DreamToJobsTestClients.Direct(stub, _time, o => o.ReadTimeout = TimeSpan.FromSeconds(10));

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(
            () => _time.RunAsync(client.GetGenerationAsync(DreamToJobsWireFixtures.JobId, Ct), maxStep: TimeSpan.FromSeconds(15)));

        Assert.Equal(DreamToJobsWireFixtures.JobId, e.OperationId);
    }
}
