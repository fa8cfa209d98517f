using System.Net;
using System.Text.Json;
using NanoBanana.Sdk.Providers.Gemini;
using static NanoBanana.Sdk.Tests.Providers.Gemini.GeminiWireFixtures;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>GET models, and the Files API upload that carries references too large to inline.</summary>
public sealed class GeminiFilesAndModelsTests
{
    private const string UploadUrl = "https://127.0.0.1:7443/upload/v1beta/files?upload_id=u-1&upload_protocol=resumable";

    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Func<HttpRequestMessage, HttpResponseMessage> UploadStarted(string url = UploadUrl) => _ =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Headers.Add("X-Goog-Upload-URL", url);
        return response;
    };

    private StubHandler UploadStub() => new StubHandler(_time)
        .On(HttpMethod.Post, "/upload/v1beta/files", UploadStarted(), Reply.Json(UploadedFile))
        .OnGenerate(Reply.Json(SyncResponse()));

    [Fact]
    public async Task Models_are_listed_across_pages_with_ids_without_the_models_prefix()
    {
        var stub = new StubHandler(_time).On(
            HttpMethod.Get,
            "/v1beta/models",
            Reply.Json("""{"models":[{"name":"models/gemini-2.5-flash-image","displayName":"Nano Banana","supportedGenerationMethods":["generateContent","countTokens"]}],"nextPageToken":"p2"}"""),
            Reply.Json("""{"models":[{"name":"models/gemini-3-pro-image-preview","inputTokenLimit":"65536"}]}"""));
        using var client = GeminiTestClients.Direct(stub, _time);

        var models = await client.GetModelsAsync(Ct);

        Assert.Equal(["gemini-2.5-flash-image", "gemini-3-pro-image-preview"], models.Select(m => m.Id));
        Assert.Equal(["generateContent", "countTokens"], models[0].SupportedGenerationMethods);
        Assert.Equal(65536, models[1].InputTokenLimit);
        Assert.Equal("?pageSize=1000&pageToken=p2", stub.Requests[1].Uri.Query);
        Assert.All(stub.Requests, r => Assert.Equal(GeminiTestClients.ApiKey, r.Headers["x-goog-api-key"]));
    }

    [Fact]
    public async Task An_upload_starts_resumably_then_sends_the_bytes_and_finalizes()
    {
        var stub = UploadStub();
        using var client = GeminiTestClients.Direct(stub, _time);
        var image = RandomBytes(5000);

        var file = await client.UploadFileAsync(ImageInput.FromBytes(image, "image/png"), "ref-1", Ct);

        Assert.Equal("files/abc123xyz", file.Name);
        Assert.Equal(482113, file.SizeBytes);
        Assert.Equal("ACTIVE", file.State);
        var start = stub.Requests[0];
        Assert.Equal("/upload/v1beta/files", start.Uri.AbsolutePath);
        Assert.Equal("resumable", start.Headers["X-Goog-Upload-Protocol"]);
        Assert.Equal("start", start.Headers["X-Goog-Upload-Command"]);
        Assert.Equal("5000", start.Headers["X-Goog-Upload-Header-Content-Length"]);
        Assert.Equal("image/png", start.Headers["X-Goog-Upload-Header-Content-Type"]);
        Assert.Equal("""{"file":{"displayName":"ref-1"}}""", start.BodyText);
        var upload = stub.Requests[1];
        Assert.Equal(new Uri(UploadUrl), upload.Uri);
        Assert.Equal("upload, finalize", upload.Headers["X-Goog-Upload-Command"]);
        Assert.Equal("0", upload.Headers["X-Goog-Upload-Offset"]);
        Assert.Equal(image, upload.Body);
    }

    [Fact]
    public async Task The_key_is_not_sent_to_an_upload_url_on_another_host()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/upload/v1beta/files", UploadStarted("https://127.0.0.2:9443/upload/v1beta/files?upload_id=u-2"), Reply.Json(UploadedFile));
        using var client = GeminiTestClients.Direct(stub, _time);

        await client.UploadFileAsync(ImageInput.FromBytes(TinyPng, "image/png"), cancellationToken: Ct);

        Assert.False(stub.Requests[1].Headers.ContainsKey("x-goog-api-key"));
    }

    [Fact]
    public async Task A_processing_file_is_read_again_until_it_is_active()
    {
        var processing = UploadedFile.Replace("\"ACTIVE\"", "\"PROCESSING\"", StringComparison.Ordinal);
        var active = JsonDocument.Parse(UploadedFile).RootElement.GetProperty("file").GetRawText();
        var stub = new StubHandler(_time)
            .On(HttpMethod.Post, "/upload/v1beta/files", UploadStarted(), Reply.Json(processing))
            .On(HttpMethod.Get, "/v1beta/files/abc123xyz", Reply.Json(active.Replace("\"ACTIVE\"", "\"PROCESSING\"", StringComparison.Ordinal)), Reply.Json(active));
        using var client = GeminiTestClients.Direct(stub, _time);

        var file = await _time.RunAsync(client.UploadFileAsync(ImageInput.FromBytes(TinyPng, "image/png"), cancellationToken: Ct));

        Assert.Equal("ACTIVE", file.State);
        Assert.Equal(2, stub.RequestsTo(HttpMethod.Get, "/v1beta/files/abc123xyz").Count);
        Assert.Equal(TimeSpan.FromSeconds(2), _time.Elapsed);
    }

    [Fact]
    public async Task A_failed_file_is_a_nano_banana_exception()
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/upload/v1beta/files", UploadStarted(), Reply.Json(UploadedFile.Replace("\"ACTIVE\"", "\"FAILED\"", StringComparison.Ordinal)));
        using var client = GeminiTestClients.Direct(stub, _time);

        await Assert.ThrowsAsync<NanoBananaException>(() => client.UploadFileAsync(ImageInput.FromBytes(TinyPng, "image/png"), cancellationToken: Ct));
    }

    [Fact]
    public async Task References_over_the_inline_limit_are_uploaded_largest_first_and_sent_as_file_data()
    {
        var stub = UploadStub();
        using var client = GeminiTestClients.Direct(stub, _time, o => o.InlineReferenceLimitBytes = 10_000);
        var small = RandomBytes(3000, seed: 1);
        var large = RandomBytes(9000, seed: 2);

        await client.GenerateAsync(new ImageGenerationRequest
        {
            Prompt = "combine",
            InputImages = [ImageInput.FromBytes(small, "image/png"), ImageInput.FromBytes(large, "image/jpeg")],
        }, Ct);

        Assert.Equal(large, stub.Requests[1].Body);
        Assert.Equal("reference-2", JsonDocument.Parse(stub.Requests[0].Body).RootElement.GetProperty("file").GetProperty("displayName").GetString());
        var parts = JsonDocument.Parse(stub.Requests[2].Body).RootElement.GetProperty("contents")[0].GetProperty("parts");
        Assert.Equal(Convert.ToBase64String(small), parts[1].GetProperty("inlineData").GetProperty("data").GetString());
        Assert.Equal("https://generativelanguage.googleapis.com/v1beta/files/abc123xyz", parts[2].GetProperty("fileData").GetProperty("fileUri").GetString());
        Assert.Equal("image/jpeg", parts[2].GetProperty("fileData").GetProperty("mimeType").GetString());
    }

    [Fact]
    public async Task A_url_cannot_be_uploaded()
    {
        using var client = GeminiTestClients.Direct(new StubHandler(_time), _time);

        await Assert.ThrowsAsync<ArgumentException>(() => client.UploadFileAsync(ImageInput.FromUri("https://example.com/a.png"), cancellationToken: Ct));
    }
}
