using System.Net;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>The documented error body and codes, mapped onto the SDK's exceptions, with <c>trace_id</c> kept as the request id.</summary>
public sealed class AceDataErrorTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<NanoBananaException> SyncFailure(string body, HttpStatusCode status)
    {
        using var client = AceDataTestClients.Direct(new StubHandler(_time).OnImages(Reply.Json(body, status)), _time);
        return await Assert.ThrowsAnyAsync<NanoBananaException>(() => client.GenerateAsync(TestClients.Request(), Ct));
    }

    [Fact]
    public async Task The_documented_api_error_keeps_its_code_message_and_trace_id()
    {
        var e = await SyncFailure(AceDataWireFixtures.ErrorApi, HttpStatusCode.InternalServerError);

        Assert.Equal(500, e.StatusCode);
        Assert.Equal("api_error", e.ErrorCode);
        Assert.Equal("2cf86e86-22a4-46e1-ac2f-032c0f2a4e89", e.RequestId);
        Assert.Contains("Internal server error.", e.Message, StringComparison.Ordinal);
        Assert.Equal("AceData", e.Provider);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task Invalid_token_is_an_authentication_exception_naming_the_settings_and_not_the_key()
    {
        var e = await SyncFailure(AceDataWireFixtures.Error("invalid_token", "Invalid token " + AceDataTestClients.ApiKey), HttpStatusCode.Unauthorized);

        Assert.IsType<NanoBananaAuthenticationException>(e);
        Assert.Equal("invalid_token", e.ErrorCode);
        Assert.Contains("NanoBanana:AceData:ApiKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("ACEDATA_API_KEY", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AceDataTestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_is_a_rate_limit_exception_with_retry_after()
    {
        using var client = AceDataTestClients.Direct(
            new StubHandler(_time).OnImages(Reply.Json(AceDataWireFixtures.Error("too_many_requests", "slow down"), HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30))),
            _time);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Equal("too_many_requests", e.ErrorCode);
        Assert.Equal(AceDataWireFixtures.TraceId, e.RequestId);
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task A_used_up_balance_is_a_quota_exception_whatever_the_status(HttpStatusCode status)
    {
        var e = await SyncFailure(AceDataWireFixtures.Error("used_up", "The balance is used up."), status);

        Assert.IsType<NanoBananaQuotaExceededException>(e);
        Assert.Equal((int)status, e.StatusCode);
    }

    [Fact]
    public async Task A_403_with_a_content_code_is_content_filtered()
    {
        var e = await SyncFailure(AceDataWireFixtures.Error("forbidden", "The prompt violates the content policy."), HttpStatusCode.Forbidden);

        Assert.IsType<NanoBananaContentFilteredException>(e);
        Assert.False(e.IsTransient);
        Assert.Equal("forbidden", e.ErrorCode);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("invalid_token")]
    public async Task A_403_with_a_credential_code_stays_an_authentication_exception(string code)
    {
        var e = await SyncFailure(AceDataWireFixtures.Error(code, "no"), HttpStatusCode.Forbidden);

        Assert.IsType<NanoBananaAuthenticationException>(e);
    }

    [Fact]
    public async Task A_403_without_an_error_body_stays_an_authentication_exception()
    {
        using var client = AceDataTestClients.Direct(new StubHandler(_time).OnImages(Reply.Status(HttpStatusCode.Forbidden)), _time);

        await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.GenerateAsync(TestClients.Request(), Ct));
    }

    [Fact]
    public async Task Token_mismatched_is_a_bad_request_that_is_not_transient()
    {
        var e = await SyncFailure(AceDataWireFixtures.Error("token_mismatched", "invalid params"), HttpStatusCode.BadRequest);

        Assert.Equal(typeof(NanoBananaException), e.GetType());
        Assert.Equal("token_mismatched", e.ErrorCode);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task A_failed_retrieve_names_the_task()
    {
        using var client = AceDataTestClients.Direct(
            new StubHandler(_time).OnTasks(Reply.Json(AceDataWireFixtures.ErrorApi, HttpStatusCode.InternalServerError)), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GetGenerationAsync(AceDataWireFixtures.TaskId, Ct));

        Assert.Equal(AceDataWireFixtures.TaskId, e.OperationId);
    }

    [Fact]
    public async Task A_retrieve_is_retried_on_a_server_error()
    {
        var stub = new StubHandler(_time).OnTasks(
            Reply.Json(AceDataWireFixtures.ErrorApi, HttpStatusCode.InternalServerError), Reply.Json(AceDataWireFixtures.TaskCompleted));
        using var client = AceDataTestClients.Resilient(stub, _time);

        var operation = await _time.RunAsync(client.GetGenerationAsync(AceDataWireFixtures.TaskId, Ct));

        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.Equal(2, stub.TasksRequests().Count);
    }

    [Fact]
    public async Task A_submit_answered_with_a_server_error_is_not_resent()
    {
        var stub = new StubHandler(_time).OnImages(Reply.Json(AceDataWireFixtures.ErrorApi, HttpStatusCode.InternalServerError));
        using var client = AceDataTestClients.Resilient(stub, _time);

        await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        Assert.Single(stub.ImagesRequests());
    }

    [Fact]
    public async Task A_sync_answer_with_success_false_and_no_task_is_a_nano_banana_exception_with_the_vendor_text()
    {
        using var client = AceDataTestClients.Direct(
            new StubHandler(_time).OnImages(Reply.Json("""{"success":false,"error":"upstream busy","trace_id":"t-1"}""")), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Contains("upstream busy", e.Message, StringComparison.Ordinal);
        Assert.Equal("t-1", e.RequestId);
    }
}
