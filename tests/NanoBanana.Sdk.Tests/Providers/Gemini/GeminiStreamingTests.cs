using System.Text;
using NanoBanana.Sdk.Providers.Gemini;
using static NanoBanana.Sdk.Tests.Providers.Gemini.GeminiWireFixtures;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>The SSE stream of protocols/gemini-official.md: chunk shapes, chunk boundaries, errors, cuts and stalls.</summary>
public sealed class GeminiStreamingTests
{
    private const string TextChunk =
        """{"candidates":[{"content":{"role":"model","parts":[{"text":"Here is "}]},"index":0}],"modelVersion":"gemini-3.1-flash-image-preview","responseId":"r-1"}""";

    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ImageChunk(string base64, string finish = ",\"finishReason\":\"STOP\"") =>
        "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + base64
        + "\"},\"thoughtSignature\":\"EtIB...\"}]}" + finish + ",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":1120,\"totalTokenCount\":1129}}";

    private async Task<List<ImageGenerationUpdate>> StreamAsync(Func<HttpRequestMessage, HttpResponseMessage> reply)
    {
        using var client = GeminiTestClients.Direct(new StubHandler(_time).OnStream(reply), _time);
        return await client.GenerateStreamingAsync(GeminiTestClients.Request(), Ct).ToListAsync();
    }

    [Fact]
    public async Task The_protocol_chunk_sequence_yields_the_text_then_exactly_one_completed_update()
    {
        var updates = await StreamAsync(Reply.Sse(Reply.Events(TextChunk, ImageChunk(TinyPngBase64))));

        Assert.Equal(2, updates.Count);
        var progress = Assert.IsType<ImageGenerationProgressUpdate>(updates[0]);
        Assert.Equal("Here is ", progress.Message);
        Assert.Null(progress.Percent);
        Assert.Equal("r-1", progress.OperationId);
        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(updates[1]);
        Assert.Equal(1, completed.SequenceNumber);
        Assert.Equal(TinyPng, Assert.Single(completed.Result.Images).Data!.Value.ToArray());
        Assert.Equal("Here is ", completed.Result.Text);
        Assert.Equal(1129, completed.Result.Usage!.TotalTokens);
        Assert.Equal("r-1", completed.Result.OperationId);
    }

    [Fact]
    public async Task Crlf_line_endings_are_read_like_lf()
    {
        var text = "data: " + TextChunk + "\r\n\r\ndata: " + ImageChunk(TinyPngBase64) + "\r\n\r\n";

        var updates = await StreamAsync(Reply.Sse(text));

        Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
    }

    [Fact]
    public async Task A_multi_megabyte_image_event_split_at_every_kind_of_boundary_decodes_exactly()
    {
        var image = RandomBytes(4 * 1024 * 1024);
        var escaped = Convert.ToBase64String(image).Replace("/", "\\/", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(Reply.Events(TextChunk, ImageChunk(escaped)));

        var updates = await StreamAsync(GeminiTestClients.ChunkedSse(body, 1, 4093, 2, 65521, 3));

        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.Equal(image, Assert.Single(completed.Result.Images).Data!.Value.ToArray());
    }

    [Fact]
    public async Task Two_image_parts_across_chunks_give_the_last_one()
    {
        var draft = RandomBytes(3000, seed: 1);
        var final = RandomBytes(9000, seed: 2);

        var updates = await StreamAsync(Reply.Sse(Reply.Events(ImageChunk(Convert.ToBase64String(draft), finish: string.Empty), ImageChunk(Convert.ToBase64String(final)))));

        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(Assert.Single(updates));
        Assert.Equal(final, Assert.Single(completed.Result.Images).Data!.Value.ToArray());
    }

    [Fact]
    public async Task Two_image_parts_in_one_event_give_the_last_one()
    {
        var draft = RandomBytes(3000, seed: 1);
        var final = RandomBytes(9000, seed: 2);
        var parts = ImagePart(Convert.ToBase64String(draft)) + "," + ImagePart(Convert.ToBase64String(final), "image/jpeg");

        var updates = await StreamAsync(Reply.Sse(Reply.Events(TextChunk, Candidate("STOP", parts))));

        var image = Assert.Single(Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]).Result.Images);
        Assert.Equal(final, image.Data!.Value.ToArray());
        Assert.Equal("image/jpeg", image.MediaType);
    }

    [Fact]
    public async Task Thought_text_is_not_reported_as_progress()
    {
        var thought = "{\"candidates\":[{\"content\":{\"parts\":[" + TextPart("thinking", thought: true) + "]}}]}";

        var updates = await StreamAsync(Reply.Sse(Reply.Events(thought, ImageChunk(TinyPngBase64))));

        Assert.IsType<ImageGenerationCompletedUpdate>(Assert.Single(updates));
    }

    [Fact]
    public async Task A_blocked_prompt_in_the_first_chunk_is_content_filtered()
    {
        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => StreamAsync(Reply.Sse(Reply.Events(BlockedPrompt.ReplaceLineEndings(string.Empty)))));

        Assert.Equal("PROHIBITED_CONTENT", e.ErrorCode);
    }

    [Fact]
    public async Task An_image_safety_finish_on_the_last_chunk_is_content_filtered()
    {
        var last = "{\"candidates\":[{\"content\":{\"parts\":[]},\"finishReason\":\"IMAGE_SAFETY\"}]}";

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => StreamAsync(Reply.Sse(Reply.Events(TextChunk, last))));

        Assert.Equal("IMAGE_SAFETY", e.ErrorCode);
    }

    [Fact]
    public async Task An_error_event_is_mapped_like_the_same_http_error_with_its_retry_delay()
    {
        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(
            () => StreamAsync(Reply.Sse(Reply.Events(TextChunk, ResourceExhausted.ReplaceLineEndings(string.Empty)))));

        Assert.Equal(429, e.StatusCode);
        Assert.Equal("RESOURCE_EXHAUSTED", e.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(27), e.RetryAfter);
    }

    [Fact]
    public async Task A_stream_cut_off_by_the_connection_is_stream_interrupted()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => StreamAsync(Reply.Sse(Reply.Events(TextChunk), failAtEnd: true)));

        Assert.Equal("stream_interrupted", e.ErrorCode);
        Assert.True(e.IsTransient);
        Assert.Equal(GeminiImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task A_stream_cut_inside_an_image_event_is_stream_interrupted()
    {
        var text = Reply.Events(TextChunk, ImageChunk(Convert.ToBase64String(RandomBytes(100_000))));

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => StreamAsync(Reply.Sse(text[..60_000])));

        Assert.Equal("stream_interrupted", e.ErrorCode);
        Assert.True(e.IsTransient);
        Assert.Equal(GeminiImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task A_stream_that_ends_cleanly_without_finishing_is_stream_interrupted()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => StreamAsync(Reply.Sse(Reply.Events(TextChunk))));

        Assert.Equal("stream_interrupted", e.ErrorCode);
    }

    [Fact]
    public async Task A_chunk_that_is_not_json_is_a_nano_banana_exception()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => StreamAsync(Reply.Sse(Reply.Events("{not json"))));

        Assert.Equal(GeminiImageClient.ProviderId, e.Provider);
        Assert.Contains("stream chunk", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_stream_times_out_after_the_idle_budget_rearmed_by_each_chunk()
    {
        var stub = new StubHandler(_time).OnStream(Reply.TimedSse(_time, (TimeSpan.Zero, Reply.Events(TextChunk)), (TimeSpan.FromSeconds(50), Reply.Events(TextChunk))));
        using var client = GeminiTestClients.Direct(stub, _time, o => o.StreamIdleTimeout = TimeSpan.FromMinutes(1));

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(client.GenerateStreamingAsync(GeminiTestClients.Request(), Ct).ToListAsync(), maxStep: TimeSpan.FromMinutes(1)));

        Assert.Equal(TimeSpan.FromSeconds(110), _time.Elapsed);
        Assert.Contains("StreamIdleTimeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_typed_stream_yields_each_chunk_as_the_vendor_sent_it()
    {
        using var client = GeminiTestClients.Direct(new StubHandler(_time).OnStream(Reply.Sse(Reply.Events(TextChunk, ImageChunk(TinyPngBase64)))), _time);
        var chunks = new List<GeminiGenerateContentResponse>();

        await foreach (var chunk in client.StreamGenerateContentAsync(
            "gemini-3.1-flash-image-preview", new GeminiGenerateContentRequest { Contents = [new GeminiContent { Parts = [new GeminiPart { Text = "p" }] }] }, Ct))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(2, chunks.Count);
        Assert.Equal("Here is ", chunks[0].Candidates[0].Content!.Parts[0].Text);
        Assert.Equal("STOP", chunks[1].Candidates[0].FinishReason);
        Assert.Equal(TinyPng, chunks[1].Candidates[0].Content!.Parts[0].InlineData!.Data.ToArray());
    }
}
