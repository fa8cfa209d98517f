using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.BananaPro;

namespace NanoBanana.Sdk.Tests.Http;

/// <summary>
/// An answer whose body breaks off while it is read: a read is free, so it is sent again within the pipeline's retries and
/// the call's budget, and reported with the job's id once they are spent; a paid submit is never sent again.
/// </summary>
public sealed class CutBodyResendTests : IDisposable
{
    private const string TaskJson = """{"success": true, "data": {"task_id": "task_7", "status": "completed"}}""";
    private static readonly Uri Status = new("https://127.0.0.1:7443/api/v1/images/task_7");
    private static readonly Uri Generate = new("https://127.0.0.1:7443/api/v1/images/generate");
    private readonly ManualTimeProvider _time = new();
    private readonly StubHandler _stub;

    public CutBodyResendTests() => _stub = new StubHandler(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stub.Dispose();

    [Fact]
    public async Task A_read_whose_body_breaks_off_is_sent_again_with_the_same_headers_and_answers()
    {
        _stub.On(HttpMethod.Get, "/task_7", CutOff(TaskJson), Reply.Json(TaskJson));
        using var client = Pipeline(new NanoBananaResilienceOptions());
        using var request = Get();

        var answer = await _time.RunAsync(Http(client).SendJsonAsync(request, TypeInfo, ReadSpec(), Ct));

        Assert.Equal("task_7", answer.Data.GetProperty("task_id").GetString());
        Assert.Equal(2, _stub.Requests.Count);
        Assert.All(_stub.Requests, r => Assert.Equal("Bearer sk-test", r.Authorization));
    }

    [Fact]
    public async Task A_resent_read_with_a_body_sends_the_same_body_again()
    {
        _stub.On(HttpMethod.Post, "/tasks", CutOff(TaskJson), Reply.Json(TaskJson));
        using var client = Pipeline(new NanoBananaResilienceOptions());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://127.0.0.1:7443/tasks")) { Content = new StringContent("""{"id":"task_7"}""", Encoding.UTF8, "application/json") };

        await _time.RunAsync(Http(client).SendJsonAsync(request, TypeInfo, ReadSpec(), Ct));

        Assert.Equal(2, _stub.Requests.Count);
        Assert.Equal("""{"id":"task_7"}""", _stub.Requests[0].BodyText);
        Assert.Equal(_stub.Requests[0].BodyText, _stub.Requests[1].BodyText);
    }

    [Fact]
    public async Task A_read_whose_body_keeps_breaking_off_is_reported_with_its_job_after_the_retries()
    {
        _stub.On(HttpMethod.Get, "/task_7", CutOff(TaskJson));
        using var client = Pipeline(new NanoBananaResilienceOptions { MaxRetryAttempts = 2 });
        using var request = Get();

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(Http(client).SendJsonAsync(request, TypeInfo, ReadSpec(), Ct)));

        Assert.Equal(3, _stub.Requests.Count);
        Assert.Equal("task_7", e.OperationId);
        Assert.Equal(BananaProImageClient.ProviderId, e.Provider);
        Assert.True(e.IsTransient);
        Assert.IsAssignableFrom<IOException>(e.InnerException);
    }

    [Fact]
    public async Task A_read_whose_resend_would_pass_its_budget_is_reported_at_once()
    {
        _stub.On(HttpMethod.Get, "/task_7", CutOff(TaskJson));
        using var client = Pipeline(new NanoBananaResilienceOptions { BaseDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromMinutes(5) });
        using var request = Get();

        // The first backoff (20 to 24 s) fits the 50 s budget; the second (40 to 48 s more) does not. The clock moves by
        // at most 25 s at a time, so it never reaches the budget itself.
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(
            Http(client).SendJsonAsync(request, TypeInfo, ReadSpec() with { Budget = TimeSpan.FromSeconds(50) }, Ct), maxStep: TimeSpan.FromSeconds(25)));

        Assert.IsNotType<NanoBananaTimeoutException>(e);
        Assert.Equal(2, _stub.Requests.Count);
        Assert.Equal("task_7", e.OperationId);
    }

    [Fact]
    public async Task A_submit_whose_body_breaks_off_is_never_sent_again()
    {
        _stub.On(HttpMethod.Post, "/generate", CutOff(TaskJson), Reply.Json(TaskJson));
        using var client = Pipeline(new NanoBananaResilienceOptions());
        using var request = new HttpRequestMessage(HttpMethod.Post, Generate) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        var e = await Assert.ThrowsAsync<NanoBananaException>(() =>
            _time.RunAsync(Http(client).SendJsonAsync(request, TypeInfo, new RequestSpec(HttpRequestKind.Submit, TimeSpan.FromMinutes(1), "the generate request"), Ct)));

        Assert.Single(_stub.Requests);
        Assert.Contains("not resent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_sent_without_the_sdks_pipeline_is_not_sent_again()
    {
        _stub.On(HttpMethod.Get, "/task_7", CutOff(TaskJson), Reply.Json(TaskJson));
        using var client = new HttpClient(_stub, disposeHandler: false);
        using var request = Get();

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(Http(client).SendJsonAsync(request, TypeInfo, ReadSpec(), Ct)));

        Assert.Single(_stub.Requests);
        Assert.Equal("task_7", e.OperationId);
    }

    [Fact]
    public async Task A_read_the_caller_parses_is_sent_again_when_its_body_breaks_off()
    {
        _stub.On(HttpMethod.Get, "/task_7", CutOff(TaskJson), Reply.Json(TaskJson));
        using var client = Pipeline(new NanoBananaResilienceOptions());
        using var request = Get();

        var text = await _time.RunAsync(Http(client).SendForJsonAsync(request, ReadSpec(), (response, token) => response.Content.ReadAsStringAsync(token), Ct));

        Assert.Equal(TaskJson, text);
        Assert.Equal(2, _stub.Requests.Count);
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<BananaProEnvelope<System.Text.Json.JsonElement>> TypeInfo =>
        BananaProJsonContext.Default.BananaProEnvelopeJsonElement;

    private static RequestSpec ReadSpec() => new(HttpRequestKind.Read, TimeSpan.FromMinutes(1), "the status request", "sk-test", "task_7");

    private static HttpRequestMessage Get()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Status);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-test");
        return request;
    }

    /// <summary>A JSON answer whose connection breaks after the first half of its body.</summary>
    private static Func<HttpRequestMessage, HttpResponseMessage> CutOff(string json) =>
        _ =>
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var content = new StreamContent(new ChunkedStream(bytes[..(bytes.Length / 2)], failAtEnd: true));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        };

    private HttpClient Pipeline(NanoBananaResilienceOptions options) =>
        new(new NanoBananaResilienceHandler(options, _time) { InnerHandler = _stub }, disposeHandler: false);

    private ProviderHttpClient Http(HttpClient client) =>
        new(BananaProImageClient.ProviderId, () => client, BananaProErrorParser.Instance, _time, NullLogger.Instance);
}
