using NanoBanana.Sdk.Providers.Gemini;
using static NanoBanana.Sdk.Tests.Providers.Gemini.GeminiWireFixtures;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>Start and Get without a vendor job: a sync call wrapped in an operation that has already ended, kept in process.</summary>
public sealed class GeminiOperationTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GeminiImageClient Client(string json) => GeminiTestClients.Direct(new StubHandler(_time).OnGenerate(Reply.Json(json)), _time);

    [Fact]
    public async Task Start_returns_an_operation_that_has_already_succeeded_with_a_generated_id()
    {
        using var client = Client(SyncResponse());

        var operation = await client.StartGenerationAsync(GeminiTestClients.Request(), Ct);

        Assert.StartsWith("gemini-op-", operation.Id, StringComparison.Ordinal);
        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.True(operation.HasValue);
        Assert.Equal(operation.Id, operation.Value.OperationId);
        Assert.Equal(TinyPng, operation.Value.Images[0].Data!.Value.ToArray());
    }

    [Fact]
    public async Task Waiting_on_a_started_operation_sends_nothing_more()
    {
        var stub = new StubHandler(_time).OnGenerate(Reply.Json(SyncResponse()));
        using var client = GeminiTestClients.Direct(stub, _time);
        var operation = await client.StartGenerationAsync(GeminiTestClients.Request(), Ct);

        var result = await operation.WaitForCompletionAsync(Ct);

        Assert.Same(operation.Value, result);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Another_client_in_the_same_process_reads_the_operation_back_by_id()
    {
        using var first = Client(SyncResponse());
        using var second = Client(SyncResponse());
        var started = await first.StartGenerationAsync(GeminiTestClients.Request(), Ct);

        var resumed = await second.GetGenerationAsync(started.Id, Ct);

        Assert.Equal(started.Id, resumed.Id);
        Assert.Same(started.Value, resumed.Value);
    }

    [Fact]
    public async Task A_filtered_output_makes_a_failed_operation_whose_value_throws_with_its_id()
    {
        using var client = Client(Candidate("IMAGE_SAFETY", TextPart("no")));

        var operation = await client.StartGenerationAsync(GeminiTestClients.Request(), Ct);

        Assert.Equal(ImageGenerationStatus.Failed, operation.Status);
        var e = Assert.Throws<NanoBananaContentFilteredException>(() => operation.Value);
        Assert.Equal(operation.Id, e.OperationId);
        await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => operation.WaitForCompletionAsync(Ct));
    }

    [Fact]
    public async Task An_answer_without_an_image_makes_a_failed_operation_with_the_text()
    {
        using var client = Client(Candidate("OTHER", TextPart("upstream model crashed")));

        var operation = await client.StartGenerationAsync(GeminiTestClients.Request(), Ct);

        var e = Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        Assert.Equal(operation.Id, e.OperationId);
        Assert.Contains("upstream model crashed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_error_on_start_still_throws()
    {
        using var client = GeminiTestClients.Direct(
            new StubHandler(_time).OnGenerate(Reply.Json(ResourceExhausted, System.Net.HttpStatusCode.TooManyRequests)), _time);

        await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.StartGenerationAsync(GeminiTestClients.Request(), Ct));
    }

    [Fact]
    public async Task An_id_this_process_did_not_create_is_an_invalid_operation_that_says_why()
    {
        using var client = Client(SyncResponse());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetGenerationAsync("gemini-op-unknown", Ct));

        Assert.Contains("no job status", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_most_recent_operations_are_kept()
    {
        using var client = Client(SyncResponse());
        var first = await client.StartGenerationAsync(GeminiTestClients.Request(), Ct);

        for (var i = 0; i < GeminiOperationCache.Capacity; i++)
        {
            await client.StartGenerationAsync(GeminiTestClients.Request(), Ct);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetGenerationAsync(first.Id, Ct));
    }
}
