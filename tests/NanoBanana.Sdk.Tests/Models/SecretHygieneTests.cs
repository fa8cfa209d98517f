using System.Net;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Models;

/// <summary>Prompts and keys never show up in ToString(), exception messages or logs (DESIGN.md sections 6 and 11).</summary>
public sealed class SecretHygieneTests
{
    private const string Prompt = "my confidential product launch poster";
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Request_to_string_omits_the_prompt()
    {
        var request = new ImageGenerationRequest
        {
            Prompt = Prompt,
            Model = NanoBananaModel.NanoBanana2,
            AspectRatio = AspectRatio.Landscape16x9,
            InputImages = [ImageInput.FromUri("https://example.com/a.png")],
        };

        var text = request.ToString();

        Assert.DoesNotContain(Prompt, text, StringComparison.Ordinal);
        Assert.Contains("16:9", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Vendor_request_to_string_omits_the_prompt() =>
        Assert.DoesNotContain(Prompt, new NanaNanoBananaGenerateRequest { Prompt = Prompt, SelectedModel = "nanobanan-2" }.ToString(), StringComparison.Ordinal);

    [Fact]
    public void Vendor_generation_record_to_string_omits_the_echoed_prompt() =>
        Assert.DoesNotContain(Prompt, new NanaNanoBananaGeneration { Id = "g", Prompt = Prompt }.ToString(), StringComparison.Ordinal);

    [Fact]
    public void Options_to_string_masks_the_key()
    {
        var text = TestClients.Options().ToString();

        Assert.DoesNotContain(TestClients.ApiKey, text, StringComparison.Ordinal);
        Assert.Contains("nb_***", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_from_polling_does_not_print_the_echoed_prompt()
    {
        const string Poll = """{"data":{"id":"g","prompt":"my confidential product launch poster","outputImageUrls":["https://cdn.example/png/a.png"],"processingStatus":"completed"}}""";
        using var client = TestClients.Direct(new StubHandler(_time).OnPoll(Reply.Json(Poll)), _time);

        var operation = await client.GetGenerationAsync("g", Ct);

        Assert.DoesNotContain(Prompt, operation.Value.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Prompt, operation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_from_a_failed_call_do_not_contain_the_prompt_or_the_key()
    {
        using var client = TestClients.Direct(
            new StubHandler(_time).OnSubmit(Reply.Json($$"""{"error":"bad request for key {{TestClients.ApiKey}}"}""", HttpStatusCode.BadRequest)), _time);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateAsync(TestClients.Request(Prompt), Ct));

        Assert.DoesNotContain(Prompt, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_of_a_successful_and_a_failed_call_contain_neither_the_prompt_nor_the_key()
    {
        var logs = new ListLoggerProvider();
        var stub = new StubHandler(_time)
            .OnSubmit(Reply.Json(WireFixtures.SyncSuccess), Reply.Json($$"""{"error":"nope {{TestClients.ApiKey}}"}""", HttpStatusCode.Unauthorized));
        using var client = TestClients.Direct(stub, _time, loggerFactory: logs);

        await client.GenerateAsync(TestClients.Request(Prompt), Ct);
        await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.GenerateAsync(TestClients.Request(Prompt), Ct));

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("POST /api/v1/generate answered 200", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("answered 401", StringComparison.Ordinal));
        Assert.DoesNotContain(Prompt, logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_jobs_and_polls_are_logged_with_their_id()
    {
        var logs = new ListLoggerProvider();
        var stub = new StubHandler(_time).OnSubmit(Reply.Json(WireFixtures.AsyncAccepted)).OnPoll(Reply.Json(WireFixtures.PollCompleted));
        using var client = TestClients.Direct(stub, _time, loggerFactory: logs);

        var operation = await client.StartGenerationAsync(TestClients.Request(Prompt), Ct);
        await operation.UpdateStatusAsync(Ct);

        Assert.Contains(logs.Lines, l => l.Contains($"accepted job {WireFixtures.GenerationId}", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains($"job {WireFixtures.GenerationId} is succeeded", StringComparison.Ordinal));
        Assert.DoesNotContain(Prompt, logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Capabilities_describe_the_nananobanana_provider()
    {
        using var client = TestClients.Direct(new StubHandler(_time), _time);

        var capabilities = client.Capabilities;

        Assert.True(capabilities.NativeSync);
        Assert.True(capabilities.NativeStreaming);
        Assert.True(capabilities.NativeAsync);
        Assert.False(capabilities.NativeWebhooks);
        Assert.False(capabilities.SupportsInputImageBytes);
        Assert.True(capabilities.SupportsInputImages);
        Assert.Equal(1, capabilities.MaxImageCount);
        Assert.Contains(AspectRatio.Auto, capabilities.AspectRatios);
    }
}
