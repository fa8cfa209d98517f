using System.Net;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Providers.NanaNanoBanana;

/// <summary>Error bodies of protocols/nananobanana.md mapped to the typed exceptions of DESIGN.md section 6.</summary>
public sealed class NanaNanoBananaErrorTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An error body that echoes the key, as a careless vendor might.</summary>
    private static string EchoingBody(string error) => $$"""{"error":"{{error}} (key {{TestClients.ApiKey}})"}""";

    private async Task<NanoBananaException> GenerateFailsWith(Func<HttpRequestMessage, HttpResponseMessage> reply)
    {
        using var client = TestClients.Direct(new StubHandler(_time).OnSubmit(reply), _time);
        return await Assert.ThrowsAnyAsync<NanoBananaException>(() => client.GenerateAsync(TestClients.Request(), Ct));
    }

    [Fact]
    public async Task Http_400_is_a_plain_non_transient_exception_with_the_vendor_message()
    {
        var e = await GenerateFailsWith(Reply.Json("""{"error":"prompt is required"}""", HttpStatusCode.BadRequest));

        Assert.IsType<NanoBananaException>(e, exactMatch: true);
        Assert.Equal(400, e.StatusCode);
        Assert.False(e.IsTransient);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
        Assert.Contains("prompt is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_401_is_an_authentication_exception_that_names_the_setting()
    {
        var e = await GenerateFailsWith(Reply.Json(EchoingBody("Invalid API key"), HttpStatusCode.Unauthorized));

        Assert.IsType<NanoBananaAuthenticationException>(e, exactMatch: true);
        Assert.Equal(401, e.StatusCode);
        Assert.False(e.IsTransient);
        Assert.Contains("ApiKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_403_is_an_authentication_exception()
    {
        var e = await GenerateFailsWith(Reply.Json("""{"error":"API access not enabled"}""", HttpStatusCode.Forbidden));

        Assert.IsType<NanoBananaAuthenticationException>(e, exactMatch: true);
        Assert.Equal(403, e.StatusCode);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task Http_402_is_a_quota_exceeded_exception()
    {
        var e = await GenerateFailsWith(Reply.Json("""{"error":"Insufficient credits"}""", HttpStatusCode.PaymentRequired));

        Assert.IsType<NanoBananaQuotaExceededException>(e, exactMatch: true);
        Assert.Equal(402, e.StatusCode);
        Assert.False(e.IsTransient);
        Assert.Contains("Insufficient credits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_500_is_a_plain_transient_exception()
    {
        var e = await GenerateFailsWith(Reply.Json("""{"error":"Internal server error"}""", HttpStatusCode.InternalServerError));

        Assert.IsType<NanoBananaException>(e, exactMatch: true);
        Assert.Equal(500, e.StatusCode);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task Http_503_server_busy_is_a_rate_limit_exception_with_retry_after_from_the_header()
    {
        var e = await GenerateFailsWith(Reply.Json(WireFixtures.ServerBusy, HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(30)));

        var rateLimit = Assert.IsType<NanoBananaRateLimitException>(e, exactMatch: true);
        Assert.Equal(503, rateLimit.StatusCode);
        Assert.Equal("server_busy", rateLimit.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), rateLimit.RetryAfter);
        Assert.True(rateLimit.IsTransient);
        Assert.Contains("Server is busy", rateLimit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_given_as_an_http_date_is_read_relative_to_the_clock()
    {
        using var client = TestClients.Direct(
            new StubHandler(_time).OnSubmit(_ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent(WireFixtures.ServerBusy) };
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(_time.GetUtcNow() + TimeSpan.FromSeconds(45));
                return response;
            }),
            _time);

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(TimeSpan.FromSeconds(45), e.RetryAfter);
    }

    [Fact]
    public async Task Http_429_is_a_rate_limit_exception()
    {
        var e = await GenerateFailsWith(Reply.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)));

        Assert.IsType<NanoBananaRateLimitException>(e, exactMatch: true);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.PaymentRequired)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Error_messages_never_contain_the_api_key(HttpStatusCode status)
    {
        var e = await GenerateFailsWith(Reply.Json(EchoingBody("Rejected"), status));

        Assert.DoesNotContain(TestClients.ApiKey, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_messages_never_contain_a_base64_payload_echoed_by_the_vendor()
    {
        var base64 = Convert.ToBase64String(new byte[600]);
        var e = await GenerateFailsWith(Reply.Json($$"""{"error":"bad image {{base64}}"}""", HttpStatusCode.BadRequest));

        Assert.DoesNotContain(base64, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_on_a_poll_names_the_operation()
    {
        using var client = TestClients.Direct(new StubHandler(_time).OnPoll(Reply.Json("""{"error":"Generation not found"}""", HttpStatusCode.NotFound)), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GetGenerationAsync("clmissing", Ct));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal("clmissing", e.OperationId);
    }

    [Fact]
    public async Task Malformed_json_in_a_success_response_is_a_non_transient_exception_naming_the_provider()
    {
        var e = await GenerateFailsWith(Reply.Json("{not json"));

        Assert.IsType<NanoBananaException>(e, exactMatch: true);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
        Assert.False(e.IsTransient);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(e.InnerException);
    }

    [Fact]
    public async Task Truncated_json_in_a_success_response_is_a_nano_banana_exception()
    {
        var e = await GenerateFailsWith(Reply.Json("""{"success":true,"generationId":"g","imageUrls":["https://cdn"""));

        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task A_non_json_error_body_still_maps_by_status()
    {
        var e = await GenerateFailsWith(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent("<html>Unauthorized</html>", System.Text.Encoding.UTF8, "text/html"),
        });

        Assert.IsType<NanoBananaAuthenticationException>(e);
        Assert.Equal(401, e.StatusCode);
    }

    [Fact]
    public async Task A_transport_failure_keeps_the_original_as_inner_exception()
    {
        var cause = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:7443)");

        var e = await GenerateFailsWith(Reply.Throw(cause));

        Assert.Same(cause, e.InnerException);
        Assert.Null(e.StatusCode);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
    }
}
