using System.Text;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.Apixo;

/// <summary>The callback APIXO POSTs (protocols/generatetask.md, Webhook): verified by the SDK's URL token, mapped like a poll.</summary>
public sealed class ApixoWebhookParserTests
{
    private static readonly Dictionary<string, string> NoHeaders = new(StringComparer.OrdinalIgnoreCase);

    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The callback URL the client gives APIXO for a request with <paramref name="callback"/>, read from the submit body.</summary>
    private async Task<Uri> CallbackUrlFor(Uri callback, string model = ApixoModels.NanoBanana)
    {
        var stub = new StubHandler(_time).On(HttpMethod.Post, "/generateTask/" + model, Reply.Json(ApixoWireFixtures.Submitted));
        using var client = ApixoTestClients.Direct(stub, _time);
        await client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "p", Model = model, CallbackUri = callback }, Ct);
        using var body = System.Text.Json.JsonDocument.Parse(Assert.Single(stub.Requests).BodyText);
        return new Uri(body.RootElement.GetProperty("callback_url").GetString()!);
    }

    private ApixoWebhookParser Parser(Action<ApixoImageClientOptions>? configure = null) => new(ApixoTestClients.Options(configure), _time);

    private static WebhookRequest Callback(string body, Uri uri) => new(Encoding.UTF8.GetBytes(body), NoHeaders, uri);

    [Fact]
    public async Task The_documented_success_callback_maps_to_a_succeeded_event_with_the_result()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));

        var e = Parser().Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri));

        Assert.Equal("Apixo", e.Provider);
        Assert.Equal("nano-banana:task_abc123xyz", e.OperationId);
        Assert.Equal(ImageGenerationStatus.Succeeded, e.Status);
        Assert.Equal(new Uri("https://cdn.apixo.ai/output/abc.jpg"), Assert.Single(e.Result!.Images).Uri);
        Assert.Equal("nano-banana:task_abc123xyz", e.Result.OperationId);
        Assert.Null(e.Error);
        Assert.IsType<ApixoTaskStatus>(e.RawRepresentation);
    }

    [Fact]
    public async Task The_event_id_is_stable_across_retried_deliveries()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));
        var parser = Parser();

        var first = parser.Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri));
        var retry = parser.Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri));

        Assert.Equal("nano-banana:task_abc123xyz:success", first.EventId);
        Assert.Equal(first.EventId, retry.EventId);
    }

    [Fact]
    public async Task A_failed_callback_carries_the_same_exception_polling_throws()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));

        var e = Parser().Parse(Callback(ApixoWireFixtures.Failed, uri));

        Assert.Equal(ImageGenerationStatus.Failed, e.Status);
        var error = Assert.IsType<NanoBananaContentFilteredException>(e.Error);
        Assert.Equal(ApixoWireFixtures.OperationId, error.OperationId);
        Assert.Equal("CONTENT_VIOLATION", error.ErrorCode);
        Assert.Null(e.Result);
    }

    [Fact]
    public async Task The_model_comes_from_the_callback_url()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"), ApixoModels.NanoBanana2);

        var e = Parser().Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri));

        Assert.Equal("nano-banana-2:task_abc123xyz", e.OperationId);
    }

    [Fact]
    public async Task A_rotated_secret_still_verifies_callbacks_of_jobs_started_with_the_old_one()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));

        var e = Parser(o => o.Webhooks.Secrets.Insert(0, "whsec_new")).Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri));

        Assert.Equal(ImageGenerationStatus.Succeeded, e.Status);
    }

    [Fact]
    public void A_callback_without_the_sdk_token_is_rejected()
    {
        var uri = new Uri("https://app.example.com/hooks/apixo?nb_model=nano-banana");

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser().Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri)));

        Assert.Equal(WebhookRejectionReason.InvalidToken, e.Reason);
    }

    [Fact]
    public async Task A_callback_token_of_another_secret_is_rejected()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));

        var e = Assert.Throws<NanoBananaWebhookException>(
            () => Parser(o => { o.Webhooks.Secrets.Clear(); o.Webhooks.Secrets.Add("whsec_other"); }).Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri)));

        Assert.Equal(WebhookRejectionReason.InvalidToken, e.Reason);
    }

    [Fact]
    public async Task A_parser_without_secrets_rejects_as_not_configured()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser(o => o.Webhooks.Secrets.Clear()).Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri)));

        Assert.Equal(WebhookRejectionReason.NotConfigured, e.Reason);
    }

    [Fact]
    public async Task An_oversized_body_is_rejected()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser(o => o.Webhooks.MaxBodyBytes = 64).Parse(Callback(ApixoWireFixtures.WebhookSuccess, uri)));

        Assert.Equal(WebhookRejectionReason.TooLarge, e.Reason);
    }

    [Fact]
    public async Task A_malformed_body_is_rejected()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser().Parse(Callback("{\"code\":200,\"data\":{", uri)));

        Assert.Equal(WebhookRejectionReason.Malformed, e.Reason);
    }

    [Theory]
    [InlineData("""{"code":200,"message":"success"}""")]
    [InlineData("""{"code":200,"message":"success","data":{"state":"success"}}""")]
    [InlineData("""{"event":"job.completed","data":{"id":"x"}}""")]
    public async Task A_body_of_another_shape_is_rejected(string body)
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser().Parse(Callback(body, uri)));

        Assert.Equal(WebhookRejectionReason.UnknownShape, e.Reason);
    }

    [Fact]
    public async Task A_valid_token_on_a_url_without_the_model_is_rejected()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));
        var withoutModel = new Uri(uri.AbsoluteUri.Replace("nb_model=nano-banana&", string.Empty, StringComparison.Ordinal));

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser().Parse(Callback(ApixoWireFixtures.WebhookSuccess, withoutModel)));

        Assert.Equal(WebhookRejectionReason.InvalidToken, e.Reason);
    }

    [Fact]
    public async Task A_valid_token_on_a_url_whose_model_was_changed_is_rejected()
    {
        var uri = await CallbackUrlFor(new Uri("https://app.example.com/hooks/apixo"));
        var otherModel = new Uri(uri.AbsoluteUri.Replace("nb_model=nano-banana&", "nb_model=nano-banana-2&", StringComparison.Ordinal));

        var e = Assert.Throws<NanoBananaWebhookException>(() => Parser().Parse(Callback(ApixoWireFixtures.WebhookSuccess, otherModel)));

        Assert.Equal(WebhookRejectionReason.InvalidToken, e.Reason);
    }
}
