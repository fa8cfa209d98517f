using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>The emulator's BananaPro module on the wire: documented shapes, the assumed status path, validation and faults.</summary>
public sealed class BananaProEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string ProExample =
        """{"model":"nano-banana-pro","type":"text-to-image","prompt":"A futuristic city at night with neon lights","resolution":"2K","aspect_ratio":"9:16","num_images":1}""";

    private readonly NanoBananaEmulator _emulator = fixture.Fresh();
    private readonly HttpClient _http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Send(
        HttpMethod method, string path, string? json = null, bool authorized = true)
    {
        using var request = new HttpRequestMessage(method, new Uri(_emulator.BananaProBaseAddress, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (authorized)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _emulator.ApiKey);
        }

        var response = await _http.SendAsync(request, Ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, document.RootElement.Clone(), response);
    }

    private async Task<string> Submit(string json = """{"model":"nano-banana","prompt":"a fox"}""")
    {
        var (status, body, _) = await Send(HttpMethod.Post, "api/v1/images/generate", json);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("data").GetProperty("task_id").GetString()!;
    }

    [Fact]
    public async Task A_request_without_the_key_gets_the_documented_401_body()
    {
        var (status, body, _) = await Send(HttpMethod.Post, "api/v1/images/generate", """{"model":"nano-banana","prompt":"p"}""", authorized: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("unauthorized", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("Invalid or missing API key", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_submit_answers_with_the_documented_shape_and_charges_four_credits()
    {
        var before = (await Send(HttpMethod.Get, "api/v1/account/balances")).Body.GetProperty("data").GetProperty("api_credits").GetInt32();

        var (_, body, _) = await Send(HttpMethod.Post, "api/v1/images/generate",
            """{"model":"nano-banana","type":"image-to-image","prompt":"Add a cyberpunk neon glow effect to this image","image_urls":["https://example.com/input.png"],"aspect_ratio":"16:9","num_images":1}""");

        var data = body.GetProperty("data");
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.StartsWith("task_", data.GetProperty("task_id").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, data.GetProperty("credits_used").GetInt32());
        Assert.Equal(before - 4, data.GetProperty("remaining_credits").GetInt32());
        Assert.Equal("nano-banana", data.GetProperty("model").GetString());
    }

    [Fact]
    public async Task The_status_path_reports_pending_then_processing_then_completed()
    {
        _emulator.Scenario.CompleteAfterPolls = 3;
        var id = await Submit();

        var statuses = new List<string>();
        for (var poll = 0; poll < 3; poll++)
        {
            statuses.Add((await Send(HttpMethod.Get, "api/v1/images/" + id)).Body.GetProperty("data").GetProperty("status").GetString()!);
        }

        Assert.Equal(["pending", "processing", "completed"], statuses);
    }

    [Fact]
    public async Task A_completed_pro_task_links_a_png_of_the_requested_ratio_and_resolution()
    {
        var id = await Submit(ProExample);

        var data = (await Send(HttpMethod.Get, "api/v1/images/" + id)).Body.GetProperty("data");
        var png = await _http.GetByteArrayAsync(new Uri(data.GetProperty("image_url").GetString()!), Ct);

        Assert.Equal(JsonValueKind.Null, data.GetProperty("error").ValueKind);
        Assert.Equal((1152, 2048), Png.ReadSize(png));
    }

    [Fact]
    public async Task A_failing_scenario_reports_failed_with_the_message_as_error()
    {
        _emulator.Scenario.FailJobsWith = "upstream model crashed";
        var id = await Submit();

        var data = (await Send(HttpMethod.Get, "api/v1/images/" + id)).Body.GetProperty("data");

        Assert.Equal("failed", data.GetProperty("status").GetString());
        Assert.Equal("upstream model crashed", data.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("image_url").ValueKind);
    }

    [Fact]
    public async Task An_unknown_task_is_a_404_in_the_documented_error_shape()
    {
        var (status, body, _) = await Send(HttpMethod.Get, "api/v1/images/task_unknown");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", body.GetProperty("error").GetProperty("code").GetString());
        Assert.StartsWith("req_", body.GetProperty("request_id").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"nano-banana","prompt":"p","num_images":2}""", "num_images")]
    [InlineData("""{"model":"nano-banana","prompt":"p","resolution":"2K"}""", "resolution")]
    [InlineData("""{"model":"nano-banana","prompt":"p","aspect_ratio":"2:3"}""", "aspect_ratio")]
    [InlineData("""{"model":"nano-banana","type":"image-to-image","prompt":"p"}""", "image_urls")]
    [InlineData("""{"model":"nano-banana","prompt":"p","image_urls":["not base64!"]}""", "image_urls[0]")]
    [InlineData("""{"model":"nano-banana-2","prompt":"p"}""", "Unknown model")]
    [InlineData("""{"model":"nano-banana"}""", "prompt")]
    public async Task An_invalid_submit_is_a_400_naming_the_field_and_charges_nothing(string json, string field)
    {
        var before = (await Send(HttpMethod.Get, "api/v1/account/balances")).Body.GetProperty("data").GetProperty("api_credits").GetInt32();

        var (status, body, _) = await Send(HttpMethod.Post, "api/v1/images/generate", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(field, body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await Send(HttpMethod.Get, "api/v1/account/balances")).Body.GetProperty("data").GetProperty("api_credits").GetInt32());
    }

    [Fact]
    public async Task A_base64_data_uri_reference_is_accepted()
    {
        var json = """{"model":"nano-banana","type":"image-to-image","prompt":"p","image_urls":["data:image/png;base64,""" + Convert.ToBase64String(Png.Tiny) + "\"]}";

        Assert.StartsWith("task_", await Submit(json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_injected_429_carries_the_documented_body_and_retry_after()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(429) { PathSuffix = "/images/generate", RetryAfter = TimeSpan.FromSeconds(30) });

        var (status, body, response) = await Send(HttpMethod.Post, "api/v1/images/generate", """{"model":"nano-banana","prompt":"p"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("rate_limit_exceeded", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Balances_have_the_documented_shape()
    {
        var (_, body, _) = await Send(HttpMethod.Get, "api/v1/account/balances");

        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.StartsWith("req_", body.GetProperty("request_id").GetString(), StringComparison.Ordinal);
        Assert.Equal(100, body.GetProperty("data").GetProperty("web_credits").GetInt32());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("data").GetProperty("api_credits").ValueKind);
    }
}
