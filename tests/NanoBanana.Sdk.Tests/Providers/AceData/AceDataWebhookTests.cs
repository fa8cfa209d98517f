using System.Text;
using System.Text.Json;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.AceData;

/// <summary>Ace Data callbacks: the callback-URL token, the documented body, and the same outcome as polling.</summary>
public sealed class AceDataWebhookTests
{
    private const string CallbackTaskId = "6a97bf49-df50-4129-9e46-119aa9fca73c";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The callback URL as the client sends it: the app's URL plus the SDK's token for <paramref name="secret"/>.</summary>
    private static async Task<Uri> SignedCallbackUrl(string secret = AceDataTestClients.WebhookSecret)
    {
        var time = new ManualTimeProvider();
        var stub = new StubHandler(time).OnImages(Reply.Json(AceDataWireFixtures.Accepted));
        using var client = AceDataTestClients.Direct(stub, time, o =>
        {
            o.Webhooks.Secrets.Clear();
            o.Webhooks.Secrets.Add(secret);
        });
        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("https://app.example/hooks/acedata") }, Ct);
        using var body = JsonDocument.Parse(Assert.Single(stub.ImagesRequests()).BodyText);
        return new Uri(body.RootElement.GetProperty("callback_url").GetString()!);
    }

    private static AceDataWebhookParser Parser(params string[] secrets)
    {
        var options = new NanoBananaWebhookOptions();
        foreach (var secret in secrets.Length == 0 ? [AceDataTestClients.WebhookSecret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new AceDataWebhookParser(options);
    }

    private static WebhookRequest Callback(string body, Uri target) => new(Encoding.UTF8.GetBytes(body), new Dictionary<string, string>(), target);

    [Fact]
    public async Task The_documented_success_callback_becomes_a_succeeded_event_with_the_image()
    {
        var target = await SignedCallbackUrl();

        var e = Parser().Parse(Callback(AceDataWireFixtures.CallbackSuccess, target));

        Assert.Equal("AceData", e.Provider);
        Assert.Equal(CallbackTaskId, e.OperationId);
        Assert.Equal(ImageGenerationStatus.Succeeded, e.Status);
        Assert.Equal(
            new Uri("https://platform.cdn.acedata.cloud/nanobanana/3f1c9a70-1b7e-4a2c-9d0e-5b6a8e2f4c11.png"),
            Assert.Single(e.Result!.Images).Uri);
        Assert.Equal(CallbackTaskId, e.Result.OperationId);
        Assert.Null(e.Error);
        Assert.Equal(CallbackTaskId + ":succeeded", e.EventId);
    }

    [Fact]
    public async Task A_failure_callback_carries_the_same_exception_polling_would_throw()
    {
        var target = await SignedCallbackUrl();

        var e = Parser().Parse(Callback(AceDataWireFixtures.Failed("api_error", "fetch failed"), target));

        Assert.Equal(ImageGenerationStatus.Failed, e.Status);
        var error = Assert.IsType<NanoBananaGenerationFailedException>(e.Error);
        Assert.Equal(AceDataWireFixtures.TaskId, error.OperationId);
        Assert.Equal(AceDataWireFixtures.TraceId, error.RequestId);
        Assert.Contains("fetch failed", error.Message, StringComparison.Ordinal);
        Assert.Null(e.Result);
    }

    [Fact]
    public async Task A_content_block_callback_carries_content_filtered()
    {
        var target = await SignedCallbackUrl();

        var e = Parser().Parse(Callback(AceDataWireFixtures.Failed("forbidden", "blocked"), target));

        Assert.IsType<NanoBananaContentFilteredException>(e.Error);
    }

    [Fact]
    public async Task The_same_callback_twice_has_the_same_event_id()
    {
        var target = await SignedCallbackUrl();
        var parser = Parser();

        var first = parser.Parse(Callback(AceDataWireFixtures.CallbackSuccess, target));
        var second = parser.Parse(Callback(AceDataWireFixtures.CallbackSuccess, target));

        Assert.Equal(first.EventId, second.EventId);
    }

    [Fact]
    public void A_callback_without_the_token_is_rejected()
    {
        var e = Assert.Throws<NanoBananaWebhookException>(() =>
            Parser().Parse(Callback(AceDataWireFixtures.CallbackSuccess, new Uri("https://app.example/hooks/acedata"))));

        Assert.Equal(WebhookRejectionReason.InvalidToken, e.Reason);
    }

    [Fact]
    public async Task A_callback_with_the_token_of_another_secret_is_rejected()
    {
        var target = await SignedCallbackUrl("some-other-secret");

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser().Parse(Callback(AceDataWireFixtures.CallbackSuccess, target)));

        Assert.Equal(WebhookRejectionReason.InvalidToken, e.Reason);
    }

    [Fact]
    public async Task A_callback_for_a_rotated_out_secret_still_verifies_while_that_secret_is_listed()
    {
        var target = await SignedCallbackUrl("old-secret");

        var e = Parser("new-secret", "old-secret").Parse(Callback(AceDataWireFixtures.CallbackSuccess, target));

        Assert.Equal(ImageGenerationStatus.Succeeded, e.Status);
    }

    [Fact]
    public async Task Without_a_configured_secret_every_callback_is_rejected()
    {
        var target = await SignedCallbackUrl();

        var e = Assert.Throws<NanoBananaWebhookException>(() =>
            new AceDataWebhookParser(new NanoBananaWebhookOptions()).Parse(Callback(AceDataWireFixtures.CallbackSuccess, target)));

        Assert.Equal(WebhookRejectionReason.NotConfigured, e.Reason);
    }

    [Fact]
    public async Task An_oversized_body_is_rejected()
    {
        var target = await SignedCallbackUrl();
        var options = new NanoBananaWebhookOptions { MaxBodyBytes = 64 };
        options.Secrets.Add(AceDataTestClients.WebhookSecret);

        var e = Assert.Throws<NanoBananaWebhookException>(() => new AceDataWebhookParser(options).Parse(Callback(AceDataWireFixtures.CallbackSuccess, target)));

        Assert.Equal(WebhookRejectionReason.TooLarge, e.Reason);
    }

    [Fact]
    public async Task A_malformed_body_is_rejected()
    {
        var target = await SignedCallbackUrl();

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser().Parse(Callback("{\"success\": tru", target)));

        Assert.Equal(WebhookRejectionReason.Malformed, e.Reason);
    }

    [Fact]
    public async Task A_body_without_a_task_id_is_an_unknown_shape()
    {
        var target = await SignedCallbackUrl();

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser().Parse(Callback("""{"event":"ping"}""", target)));

        Assert.Equal(WebhookRejectionReason.UnknownShape, e.Reason);
    }

    [Fact]
    public async Task The_callback_and_a_poll_of_the_same_task_give_the_same_result()
    {
        var time = new ManualTimeProvider();
        var target = await SignedCallbackUrl();
        using var client = AceDataTestClients.Direct(new StubHandler(time).OnTasks(Reply.Json(AceDataWireFixtures.TaskCompleted)), time);

        var polled = (await client.GetGenerationAsync(AceDataWireFixtures.TaskId, Ct)).Value;
        using var record = JsonDocument.Parse(AceDataWireFixtures.TaskCompleted);
        var called = Parser().Parse(Callback(record.RootElement.GetProperty("response").GetRawText(), target)).Result!;

        Assert.Equal(polled.OperationId, called.OperationId);
        Assert.Equal(polled.Images.Select(i => (i.Uri, i.MediaType)), called.Images.Select(i => (i.Uri, i.MediaType)));
    }
}
