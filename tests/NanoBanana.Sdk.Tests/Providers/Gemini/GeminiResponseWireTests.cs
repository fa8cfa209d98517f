using System.Runtime.InteropServices;
using NanoBanana.Sdk.Providers.Gemini;
using static NanoBanana.Sdk.Tests.Providers.Gemini.GeminiWireFixtures;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>Golden wire tests: every answer shape of the protocol files, and how the result and its failures come out.</summary>
public sealed class GeminiResponseWireTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ImageGenerationResult> GenerateAsync(Func<HttpRequestMessage, HttpResponseMessage> reply, ImageGenerationRequest? request = null)
    {
        using var client = GeminiTestClients.Direct(new StubHandler(_time).OnGenerate(reply), _time);
        return await client.GenerateAsync(request ?? GeminiTestClients.Request(), Ct);
    }

    private Task<ImageGenerationResult> GenerateAsync(string json) => GenerateAsync(Reply.Json(json));

    [Fact]
    public async Task The_protocol_sync_example_gives_the_image_the_text_the_usage_and_the_response_id()
    {
        var result = await GenerateAsync(SyncResponse());

        var image = Assert.Single(result.Images);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(TinyPng, image.Data!.Value.ToArray());
        Assert.Equal("Here is the mug on a marble counter.", result.Text);
        Assert.Equal("8RXaaKWqN9rXz7IP0vWf4Qo", result.OperationId);
        Assert.Equal(GeminiImageClient.ProviderId, result.Provider);
        Assert.Equal(new ImageGenerationUsage { InputTokens = 271, OutputTokens = 1300, TotalTokens = 1571 }, result.Usage);
        var raw = Assert.IsType<GeminiGenerateContentResponse>(result.RawRepresentation);
        Assert.Equal("gemini-2.5-flash-image", raw.ModelVersion);
        Assert.Equal("EtIBAb4+9vv...", raw.Candidates[0].Content!.Parts[1].ThoughtSignature);
        Assert.Equal(1290, raw.UsageMetadata!.CandidatesTokensDetails![0].TokenCount);
    }

    [Fact]
    public async Task The_gateway_example_without_finish_reason_or_response_id_succeeds()
    {
        var result = await GenerateAsync(GatewayResponse);

        Assert.Equal(TinyPng, Assert.Single(result.Images).Data!.Value.ToArray());
        Assert.Null(result.OperationId);
        Assert.Null(result.Text);
        Assert.Equal(24, result.Usage!.TotalTokens);
    }

    [Fact]
    public async Task A_multi_megabyte_image_is_decoded_into_one_buffer_that_the_result_and_the_raw_answer_share()
    {
        var image = RandomBytes(3 * 1024 * 1024);
        var result = await GenerateAsync(GeminiTestClients.ChunkedJson(Utf8(SyncResponse(Convert.ToBase64String(image))), lengthKnown: true, 65536, 1, 4093));

        var data = Assert.Single(result.Images).Data!.Value;
        Assert.Equal(image, data.ToArray());
        var raw = ((GeminiGenerateContentResponse)result.RawRepresentation!).Candidates[0].Content!.Parts[1].InlineData!.Data;
        Assert.True(MemoryMarshal.TryGetArray(data, out var a) && MemoryMarshal.TryGetArray(raw, out var b) && ReferenceEquals(a.Array, b.Array));
    }

    [Fact]
    public async Task A_body_of_unknown_length_is_read_as_well()
    {
        var image = RandomBytes(200_000);
        var result = await GenerateAsync(GeminiTestClients.ChunkedJson(Utf8(SyncResponse(Convert.ToBase64String(image))), lengthKnown: false, 7, 9000));

        Assert.Equal(image, Assert.Single(result.Images).Data!.Value.ToArray());
    }

    [Fact]
    public async Task Json_escaped_base64_decodes_to_the_exact_image()
    {
        var image = RandomBytes(50_000);
        var escaped = Convert.ToBase64String(image).Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal);

        var result = await GenerateAsync(Candidate("STOP", ImagePart(escaped)));

        Assert.Equal(image, Assert.Single(result.Images).Data!.Value.ToArray());
    }

    [Fact]
    public async Task Of_two_image_parts_the_last_is_the_result()
    {
        var draft = RandomBytes(5000, seed: 1);
        var final = RandomBytes(20_000, seed: 2);

        var result = await GenerateAsync(Candidate("STOP", ImagePart(Convert.ToBase64String(draft)) + "," + ImagePart(Convert.ToBase64String(final), "image/jpeg")));

        var image = Assert.Single(result.Images);
        Assert.Equal(final, image.Data!.Value.ToArray());
        Assert.Equal("image/jpeg", image.MediaType);
    }

    [Fact]
    public async Task Thought_parts_are_skipped_even_when_a_thought_image_comes_last()
    {
        var final = RandomBytes(4000, seed: 3);
        var parts = string.Join(",", TextPart("planning the layout", thought: true), TextPart("Here you go."), ImagePart(Convert.ToBase64String(final)),
            ImagePart(Convert.ToBase64String(RandomBytes(4000, seed: 4)), thought: true));

        var result = await GenerateAsync(Candidate("STOP", parts));

        Assert.Equal(final, Assert.Single(result.Images).Data!.Value.ToArray());
        Assert.Equal("Here you go.", result.Text);
    }

    [Fact]
    public async Task Snake_case_inline_data_from_a_proxy_is_read()
    {
        var result = await GenerateAsync(Candidate("STOP", "{\"inline_data\":{\"mime_type\":\"image/webp\",\"data\":\"" + TinyPngBase64 + "\"}}"));

        Assert.Equal("image/webp", Assert.Single(result.Images).MediaType);
    }

    [Fact]
    public async Task The_protocol_blocked_prompt_example_is_content_filtered_with_the_block_reason()
    {
        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => GenerateAsync(BlockedPrompt));

        Assert.Equal("PROHIBITED_CONTENT", e.ErrorCode);
        Assert.Equal(GeminiImageClient.ProviderId, e.Provider);
        Assert.False(e.IsTransient);
    }

    [Theory]
    [InlineData("IMAGE_SAFETY")]
    [InlineData("SAFETY")]
    [InlineData("PROHIBITED_CONTENT")]
    [InlineData("IMAGE_PROHIBITED_CONTENT")]
    [InlineData("BLOCKLIST")]
    [InlineData("SPII")]
    public async Task A_safety_finish_reason_is_content_filtered_with_that_reason(string reason)
    {
        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => GenerateAsync(Candidate(reason, TextPart("I can't make that."))));

        Assert.Equal(reason, e.ErrorCode);
        Assert.Equal("resp-1", e.OperationId);
    }

    [Theory]
    [InlineData("RECITATION")]
    [InlineData("IMAGE_RECITATION")]
    public async Task A_recitation_finish_reason_is_content_filtered_with_code_recitation(string reason)
    {
        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => GenerateAsync(Candidate(reason, TextPart("too close"))));

        Assert.Equal("RECITATION", e.ErrorCode);
    }

    [Theory]
    [InlineData("NO_IMAGE", "NO_IMAGE")]
    [InlineData("STOP", "NO_IMAGE")]
    [InlineData(null, "NO_IMAGE")]
    [InlineData("OTHER", "OTHER")]
    [InlineData("IMAGE_OTHER", "IMAGE_OTHER")]
    [InlineData("MALFORMED_FUNCTION_CALL", "MALFORMED_FUNCTION_CALL")]
    [InlineData("MAX_TOKENS", "MAX_TOKENS")]
    public async Task An_answer_without_an_image_is_generation_failed_with_the_reason_and_the_text(string? reason, string code)
    {
        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => GenerateAsync(Candidate(reason, TextPart("upstream model crashed"))));

        Assert.Equal(code, e.ErrorCode);
        Assert.Contains("upstream model crashed", e.Message, StringComparison.Ordinal);
        Assert.Equal("resp-1", e.OperationId);
    }

    [Fact]
    public async Task A_failure_message_never_carries_base64()
    {
        var text = new string('A', 400);

        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => GenerateAsync(Candidate("OTHER", TextPart(text))));

        Assert.DoesNotContain(text, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_nano_banana_exception_naming_the_provider()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => GenerateAsync("{\"candidates\": [ }"));

        Assert.Equal(GeminiImageClient.ProviderId, e.Provider);
        Assert.Contains("Gemini", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task Base64_that_is_not_base64_is_a_nano_banana_exception()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => GenerateAsync(Candidate("STOP", ImagePart(new string('*', 400)))));

        Assert.Equal(GeminiImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task A_body_cut_inside_the_image_is_stream_interrupted_and_transient()
    {
        var body = Utf8(SyncResponse(Convert.ToBase64String(RandomBytes(10_000))));

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => GenerateAsync(GeminiTestClients.ChunkedJson(body[..5000], lengthKnown: false, 1000)));

        Assert.Equal("stream_interrupted", e.ErrorCode);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task The_typed_call_returns_a_blocked_answer_instead_of_throwing()
    {
        using var client = GeminiTestClients.Direct(new StubHandler(_time).OnGenerate(Reply.Json(BlockedPrompt)), _time);

        var response = await client.GenerateContentAsync(
            "gemini-3-pro-image-preview", new GeminiGenerateContentRequest { Contents = [new GeminiContent { Parts = [new GeminiPart { Text = "p" }] }] }, Ct);

        Assert.Equal("PROHIBITED_CONTENT", response.PromptFeedback!.BlockReason);
        Assert.Empty(response.Candidates);
    }
}
