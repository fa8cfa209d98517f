using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>The emulator's Ace Data module on the wire, driven with a plain <see cref="HttpClient"/>: it follows protocols/acedata.md, not the SDK.</summary>
public sealed class AceDataEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();
    private readonly HttpClient _http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Post(string path, string json, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_emulator.AceDataBaseAddress, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? _emulator.ApiKey);
        var response = await _http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone(), response);
    }

    private Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Images(string json) => Post("nano-banana/images", json);

    private async Task<JsonElement> Retrieve(string id) => (await Post("nano-banana/tasks", $$"""{"id":"{{id}}","action":"retrieve"}""")).Body;

    private async Task<(int Width, int Height)> SizeOf(JsonElement success)
    {
        var url = success.GetProperty("data")[0].GetProperty("image_url").GetString()!;
        return Png.ReadSize(await _http.GetByteArrayAsync(new Uri(url), Ct));
    }

    private static void AssertError(JsonElement body, string code)
    {
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("message").GetString()));
        Assert.True(Guid.TryParse(body.GetProperty("trace_id").GetString(), out _));
    }

    [Fact]
    public async Task A_wrong_token_is_a_401_invalid_token_error_body()
    {
        var (status, body, _) = await Post("nano-banana/images", """{"action":"generate","prompt":"p"}""", key: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        AssertError(body, "invalid_token");
    }

    [Fact]
    public async Task A_sync_generate_answers_the_documented_success_body_with_a_png_of_the_requested_shape()
    {
        var (status, body, _) = await Images("""{"action":"generate","model":"nano-banana-2","prompt":"a cat","aspect_ratio":"16:9","resolution":"2K"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.True(Guid.TryParse(body.GetProperty("task_id").GetString(), out _));
        Assert.True(Guid.TryParse(body.GetProperty("trace_id").GetString(), out _));
        Assert.Equal("a cat", body.GetProperty("data")[0].GetProperty("prompt").GetString());
        Assert.Equal((2048, 1152), await SizeOf(body));
    }

    [Fact]
    public async Task The_base_model_ignores_the_resolution()
    {
        var (_, body, _) = await Images("""{"action":"generate","prompt":"a cat","resolution":"4K"}""");

        Assert.Equal((1024, 1024), await SizeOf(body));
    }

    [Fact]
    public async Task Count_makes_that_many_images()
    {
        var (_, body, _) = await Images("""{"action":"generate","prompt":"a cat","count":3}""");

        Assert.Equal(3, body.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"prompt":"p"}""")]
    [InlineData("""{"action":"paint","prompt":"p"}""")]
    [InlineData("""{"action":"generate"}""")]
    [InlineData("""{"action":"generate","prompt":"p","aspect_ratio":"21:9"}""")]
    [InlineData("""{"action":"generate","prompt":"p","model":"nano-banana-2-lite","resolution":"2K"}""")]
    [InlineData("""{"action":"generate","prompt":"p","count":5}""")]
    [InlineData("""{"action":"edit","prompt":"p"}""")]
    [InlineData("""{"action":"edit","prompt":"p","image_urls":["data:image/gif;base64,R0lGOD"]}""")]
    [InlineData("""{"action":"edit","prompt":"p","image_urls":["data:image/png;base64,@@@@"]}""")]
    [InlineData("""{"action":"edit","prompt":"p","image_urls":["ftp://example.com/a.png"]}""")]
    public async Task Invalid_parameters_are_a_400_token_mismatched_error_body(string json)
    {
        var (status, body, _) = await Images(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(body, "token_mismatched");
    }

    [Fact]
    public async Task An_unknown_endpoint_is_api_not_implemented()
    {
        var (status, body, _) = await Post("nano-banana/videos", """{"action":"generate","prompt":"p"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(body, "api_not_implemented");
    }

    [Fact]
    public async Task An_edit_follows_the_shape_of_its_first_png_data_uri_and_ignores_aspect_ratio()
    {
        var reference = Convert.ToBase64String(PngHeader(300, 100));
        var (status, body, _) = await Images($$"""{"action":"edit","prompt":"p","aspect_ratio":"9:16","image_urls":["data:image/png;base64,{{reference}}","https://example.com/b.png"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1024, 341), await SizeOf(body));
    }

    [Fact]
    public async Task The_gemini_images_alias_behaves_like_nano_banana_images()
    {
        var (status, body, _) = await Post("gemini/images", """{"action":"generate","prompt":"p"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task An_async_task_has_no_response_until_the_configured_retrieve()
    {
        _emulator.Scenario.CompleteAfterPolls = 3;
        var (_, accepted, _) = await Images("""{"action":"generate","prompt":"a cat","async":true}""");
        var id = accepted.GetProperty("task_id").GetString()!;

        var first = await Retrieve(id);
        var second = await Retrieve(id);
        var third = await Retrieve(id);

        Assert.Equal(["success", "task_id", "trace_id"], accepted.EnumerateObject().Select(p => p.Name));
        Assert.False(first.TryGetProperty("response", out _));
        Assert.False(second.TryGetProperty("response", out _));
        Assert.Equal(id, third.GetProperty("response").GetProperty("task_id").GetString());
        Assert.Equal(
            ["_id", "id", "api_id", "application_id", "created_at", "credential_id", "request", "trace_id", "type", "user_id", "response"],
            third.EnumerateObject().Select(p => p.Name));
        Assert.Equal("a cat", third.GetProperty("request").GetProperty("prompt").GetString());
        Assert.Equal("images", third.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_failed_task_reads_as_the_error_body_with_its_task_id()
    {
        _emulator.Scenario.FailJobsWith = "fetch failed";
        var (_, accepted, _) = await Images("""{"action":"generate","prompt":"a cat","async":true}""");
        var id = accepted.GetProperty("task_id").GetString()!;

        var response = (await Retrieve(id)).GetProperty("response");

        AssertError(response, "api_error");
        Assert.Equal(id, response.GetProperty("task_id").GetString());
        Assert.Equal("fetch failed", response.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_failed_sync_generation_is_a_500_api_error()
    {
        _emulator.Scenario.FailJobsWith = "fetch failed";

        var (status, body, _) = await Images("""{"action":"generate","prompt":"a cat"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        AssertError(body, "api_error");
    }

    [Fact]
    public async Task A_content_block_of_a_sync_generation_is_a_403_forbidden()
    {
        _emulator.Scenario.ContentWarning = true;

        var (status, body, _) = await Images("""{"action":"generate","prompt":"a cat"}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertError(body, "forbidden");
    }

    [Theory]
    [InlineData("""{"action":"generate","prompt":"a cat"}""")]
    [InlineData("""{"action":"generate","prompt":"a cat","async":true}""")]
    public async Task A_blocked_prompt_is_refused_with_403_forbidden_in_every_mode(string json)
    {
        _emulator.Scenario.BlockPrompts = true;

        var (status, body, _) = await Images(json);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertError(body, "forbidden");
        Assert.False(body.TryGetProperty("task_id", out _));
    }

    [Fact]
    public async Task An_unknown_task_id_answers_an_empty_record()
    {
        var record = await Retrieve("00000000-0000-4000-0000-000000000000");

        Assert.Empty(record.EnumerateObject());
    }

    [Fact]
    public async Task A_batch_retrieve_lists_the_tasks_it_found_and_counts_them()
    {
        var (_, done, _) = await Images("""{"action":"generate","prompt":"a cat"}""");
        var id = done.GetProperty("task_id").GetString()!;

        var (_, batch, _) = await Post("nano-banana/tasks", $$"""{"ids":["{{id}}","00000000-0000-4000-0000-000000000000"],"action":"retrieve_batch"}""");

        Assert.Equal(1, batch.GetProperty("count").GetInt32());
        Assert.Equal(id, Assert.Single(batch.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_tasks_request_with_an_unknown_action_is_a_400()
    {
        var (status, body, _) = await Post("nano-banana/tasks", """{"id":"x","action":"delete"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(body, "token_mismatched");
    }

    [Fact]
    public async Task An_injected_429_answers_too_many_requests_with_retry_after()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(429) { RetryAfter = TimeSpan.FromSeconds(9) });

        var (status, body, response) = await Images("""{"action":"generate","prompt":"p"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        AssertError(body, "too_many_requests");
        Assert.Equal(TimeSpan.FromSeconds(9), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_callback_submit_answers_at_once_and_posts_the_success_body_to_the_callback_url()
    {
        var target = new Uri("http://127.0.0.1:9/hooks/acedata?nb_token=abc");

        var (_, accepted, _) = await Images($$"""{"action":"generate","prompt":"a cat","callback_url":"{{target}}"}""");
        var delivered = await _emulator.WaitForCallbackAsync(c => c.Target == target, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using var callback = JsonDocument.Parse(delivered.BodyText);
        Assert.False(accepted.TryGetProperty("data", out _));
        Assert.Equal(accepted.GetProperty("task_id").GetString(), callback.RootElement.GetProperty("task_id").GetString());
        Assert.True(callback.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("a cat", callback.RootElement.GetProperty("data")[0].GetProperty("prompt").GetString());
        Assert.Equal(1, delivered.Attempt);
    }

    [Fact]
    public async Task A_callback_task_is_finished_for_the_next_retrieve()
    {
        _emulator.Scenario.CompleteAfterPolls = 5;
        var (_, accepted, _) = await Images("""{"action":"generate","prompt":"a cat","async":true,"callback_url":"http://127.0.0.1:9/hook"}""");

        var record = await Retrieve(accepted.GetProperty("task_id").GetString()!);

        Assert.True(record.GetProperty("response").GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task A_content_blocked_callback_task_posts_the_error_body_with_its_task_id()
    {
        _emulator.Scenario.ContentWarning = true;
        var target = new Uri("http://127.0.0.1:9/hooks/blocked");

        var (_, accepted, _) = await Images($$"""{"action":"generate","prompt":"a cat","callback_url":"{{target}}"}""");
        var delivered = await _emulator.WaitForCallbackAsync(c => c.Target == target, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using var callback = JsonDocument.Parse(delivered.BodyText);
        AssertError(callback.RootElement, "forbidden");
        Assert.Equal(accepted.GetProperty("task_id").GetString(), callback.RootElement.GetProperty("task_id").GetString());
    }

    /// <summary>The signature and IHDR chunk of a PNG of the given size: all the emulator reads of a reference image.</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 2;
        return bytes;
    }
}
