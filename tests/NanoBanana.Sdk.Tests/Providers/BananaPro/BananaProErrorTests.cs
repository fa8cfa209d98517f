using System.Net;
using NanoBanana.Sdk.Providers.BananaPro;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>The documented error body and status table (P1, P2), the unverified status path's 404, and what is retried.</summary>
public sealed class BananaProErrorTests
{
    private const string SubmitPath = "/api/v1/images/generate";
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<NanoBananaException> SubmitFails(HttpStatusCode status, string body)
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, SubmitPath, Reply.Json(body, status));
        using var client = BananaProTestClients.Direct(stub, _time);
        return await Assert.ThrowsAnyAsync<NanoBananaException>(() => client.StartGenerationAsync(TestClients.Request(), Ct));
    }

    [Fact]
    public async Task Unauthorized_is_an_authentication_exception_with_the_vendor_code_and_the_key_setting()
    {
        var e = await SubmitFails(HttpStatusCode.Unauthorized, BananaProFixtures.Unauthorized);

        Assert.IsType<NanoBananaAuthenticationException>(e);
        Assert.Equal("unauthorized", e.ErrorCode);
        Assert.Equal(BananaProImageClient.ProviderId, e.Provider);
        Assert.Contains("Invalid or missing API key", e.Message, StringComparison.Ordinal);
        Assert.Contains("BANANAPRO_API_KEY", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BananaProTestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, typeof(NanoBananaQuotaExceededException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(NanoBananaAuthenticationException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(NanoBananaRateLimitException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(NanoBananaException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(NanoBananaException))]
    public async Task Each_documented_status_maps_to_its_exception_type(HttpStatusCode status, Type expected)
    {
        var e = await SubmitFails(status, BananaProFixtures.Error("some_code", "some message"));

        Assert.IsType(expected, e);
        Assert.Equal((int)status, e.StatusCode);
        Assert.Equal("some_code", e.ErrorCode);
        Assert.Equal("req_err42", e.RequestId);
    }

    [Fact]
    public async Task A_404_at_the_status_path_says_it_is_unverified_names_the_option_and_recommends_webhooks()
    {
        var stub = BananaProTestClients.Accepting(_time)
            .On(HttpMethod.Get, BananaProTestClients.StatusPath, Reply.Json(BananaProFixtures.Error("not_found", "Not found"), HttpStatusCode.NotFound));
        using var client = BananaProTestClients.Direct(stub, _time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(operation.WaitForCompletionAsync(Ct)));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal(BananaProFixtures.TaskId, e.OperationId);
        Assert.Contains("unverified", e.Message, StringComparison.Ordinal);
        Assert.Contains("StatusPathTemplate", e.Message, StringComparison.Ordinal);
        Assert.Contains("webhooks", e.Message, StringComparison.Ordinal);
        Assert.Contains(BananaProTestClients.StatusPath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_at_the_status_path_is_not_retried()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Get, BananaProTestClients.StatusPath, Reply.Status(HttpStatusCode.NotFound));
        using var client = BananaProTestClients.Resilient(stub, _time);

        await Assert.ThrowsAsync<NanoBananaException>(() => client.GetTaskAsync(BananaProFixtures.TaskId, Ct));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_rate_limited_submit_is_retried_after_retry_after()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Post,
            SubmitPath,
            Reply.Json(BananaProFixtures.Error("rate_limited", "Too many requests"), HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(4)),
            Reply.Json(BananaProFixtures.SubmitAccepted));
        using var client = BananaProTestClients.Resilient(stub, _time);

        var operation = await _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Equal(BananaProFixtures.TaskId, operation.Id);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(4)], stub.Requests.Select(r => r.At - stub.Requests[0].At));
        Assert.Equal(stub.Requests[0].BodyText, stub.Requests[1].BodyText);
    }

    [Fact]
    public async Task A_server_error_on_submit_is_not_resent()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, SubmitPath, Reply.Json(BananaProFixtures.Error("server_error", "boom"), HttpStatusCode.InternalServerError));
        using var client = BananaProTestClients.Resilient(stub, _time);

        await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct)));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_webhook_registration_that_fails_with_a_server_error_is_not_resent()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/api/v1/webhooks", Reply.Status(HttpStatusCode.BadGateway));
        using var client = BananaProTestClients.Resilient(stub, _time);

        await Assert.ThrowsAsync<NanoBananaException>(() =>
            _time.RunAsync(client.CreateWebhookAsync(new Uri("https://example.com/h"), BananaProWebhookEvents.Default, "s", Ct)));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_server_error_on_the_status_read_is_retried()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get, BananaProTestClients.StatusPath, Reply.Status(HttpStatusCode.InternalServerError), Reply.Json(BananaProFixtures.Task("processing")));
        using var client = BananaProTestClients.Resilient(stub, _time);

        var task = await _time.RunAsync(client.GetTaskAsync(BananaProFixtures.TaskId, Ct));

        Assert.Equal("processing", task.Status);
        Assert.Equal(2, stub.Requests.Count);
    }
}
