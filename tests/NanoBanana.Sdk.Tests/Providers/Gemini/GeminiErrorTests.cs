using System.Net;
using NanoBanana.Sdk.Providers.Gemini;
using static NanoBanana.Sdk.Tests.Providers.Gemini.GeminiWireFixtures;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>HTTP errors through the Gemini error parser, and which of them are retried.</summary>
public sealed class GeminiErrorTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Error(int code, string status, string message = "m") =>
        "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}";

    private async Task<TException> FailAsync<TException>(Func<HttpRequestMessage, HttpResponseMessage> reply)
        where TException : Exception
    {
        using var client = GeminiTestClients.Direct(new StubHandler(_time).OnGenerate(reply), _time);
        return await Assert.ThrowsAsync<TException>(() => client.GenerateAsync(GeminiTestClients.Request(), Ct));
    }

    [Fact]
    public async Task The_protocol_429_body_is_a_rate_limit_with_its_status_and_retry_delay()
    {
        var e = await FailAsync<NanoBananaRateLimitException>(Reply.Json(ResourceExhausted, HttpStatusCode.TooManyRequests));

        Assert.Equal(429, e.StatusCode);
        Assert.Equal("RESOURCE_EXHAUSTED", e.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(27), e.RetryAfter);
        Assert.Contains("Resource has been exhausted", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_longer_retry_after_header_wins_over_the_retry_delay()
    {
        var e = await FailAsync<NanoBananaRateLimitException>(Reply.Json(ResourceExhausted, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(60)));

        Assert.Equal(TimeSpan.FromSeconds(60), e.RetryAfter);
    }

    [Fact]
    public async Task A_fractional_retry_delay_is_read()
    {
        var body = ResourceExhausted.Replace("\"27s\"", "\"1.5s\"", StringComparison.Ordinal);

        var e = await FailAsync<NanoBananaRateLimitException>(Reply.Json(body, HttpStatusCode.TooManyRequests));

        Assert.Equal(TimeSpan.FromSeconds(1.5), e.RetryAfter);
    }

    [Fact]
    public async Task Googles_invalid_key_answer_is_an_authentication_failure_that_does_not_echo_the_key()
    {
        var e = await FailAsync<NanoBananaAuthenticationException>(Reply.Json(ApiKeyInvalid, HttpStatusCode.BadRequest));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", e.ErrorCode);
        Assert.Contains("GEMINI_API_KEY", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GeminiTestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "UNAUTHENTICATED")]
    [InlineData(403, "PERMISSION_DENIED")]
    public async Task Unauthenticated_and_permission_denied_are_authentication_failures(int code, string status)
    {
        var e = await FailAsync<NanoBananaAuthenticationException>(Reply.Json(Error(code, status), (HttpStatusCode)code));

        Assert.Equal(status, e.ErrorCode);
    }

    [Theory]
    [InlineData(400, "INVALID_ARGUMENT")]
    [InlineData(400, "FAILED_PRECONDITION")]
    [InlineData(404, "NOT_FOUND")]
    [InlineData(500, "INTERNAL")]
    [InlineData(504, "DEADLINE_EXCEEDED")]
    public async Task Other_statuses_are_nano_banana_exceptions_with_the_status_as_error_code(int code, string status)
    {
        var e = await FailAsync<NanoBananaException>(Reply.Json(Error(code, status, "Unsupported aspect ratio"), (HttpStatusCode)code));

        Assert.Equal(code, e.StatusCode);
        Assert.Equal(status, e.ErrorCode);
        Assert.Contains("Unsupported aspect ratio", e.Message, StringComparison.Ordinal);
        Assert.Equal(code >= 500, e.IsTransient);
    }

    [Fact]
    public async Task A_503_unavailable_is_a_rate_limit()
    {
        var e = await FailAsync<NanoBananaRateLimitException>(Reply.Json(Error(503, "UNAVAILABLE", "The model is overloaded."), HttpStatusCode.ServiceUnavailable));

        Assert.Equal("UNAVAILABLE", e.ErrorCode);
    }

    [Fact]
    public async Task A_rate_limited_submit_is_retried_after_the_retry_delay_and_succeeds()
    {
        var stub = new StubHandler(_time).OnGenerate(Reply.Json(ResourceExhausted, HttpStatusCode.TooManyRequests), Reply.Json(SyncResponse()));
        using var client = GeminiTestClients.Resilient(stub, _time);

        var result = await _time.RunAsync(client.GenerateAsync(GeminiTestClients.Request(), Ct), maxStep: TimeSpan.FromSeconds(30));

        Assert.NotEmpty(result.Images);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(27), stub.Requests[1].At - stub.Requests[0].At);
    }

    [Fact]
    public async Task A_server_error_on_submit_is_not_resent()
    {
        var stub = new StubHandler(_time).OnGenerate(Reply.Json(Error(500, "INTERNAL"), HttpStatusCode.InternalServerError));
        using var client = GeminiTestClients.Resilient(stub, _time);

        await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateAsync(GeminiTestClients.Request(), Ct));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_submit_slower_than_the_request_timeout_is_a_timeout_that_says_it_was_not_resent()
    {
        var stub = new StubHandler(_time).OnAsync(HttpMethod.Post, ":generateContent", Reply.Hang());
        using var client = GeminiTestClients.Direct(stub, _time, o => o.RequestTimeout = TimeSpan.FromSeconds(20));

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.GenerateAsync(GeminiTestClients.Request(), Ct)));

        Assert.Contains("not resent", e.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }
}
