using System.Text;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Callback verification by the SDK's URL token, and the mapping shared with polling.</summary>
public sealed class DreamToJobsWebhookParserTests
{
    private static readonly Uri Hook = new("https://app.example.com/hooks/dreamto");

    private readonly DreamToJobsWebhookParser _parser = new(DreamToJobsTestClients.Options());

    private static WebhookRequest Callback(string body, Uri? target = null) =>
        new(Encoding.UTF8.GetBytes(body), new Dictionary<string, string> { ["Content-Type"] = "application/json" }, target ?? CallbackUrlToken.Append(Hook, DreamToJobsTestClients.WebhookSecret));

    [Fact]
    public void A_succeeded_callback_maps_to_the_result_a_poll_yields()
    {
        var webhookEvent = _parser.Parse(Callback(DreamToJobsWireFixtures.SucceededWithUrl));

        Assert.Equal(DreamToJobsImageClient.ProviderId, webhookEvent.Provider);
        Assert.Equal(DreamToJobsWireFixtures.JobId, webhookEvent.OperationId);
        Assert.Equal(ImageGenerationStatus.Succeeded, webhookEvent.Status);
        var image = Assert.Single(webhookEvent.Result!.Images);
        Assert.Equal(new Uri(DreamToJobsWireFixtures.ImageUrl), image.Uri);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(DreamToJobsWireFixtures.JobId, webhookEvent.Result.OperationId);
        Assert.Null(webhookEvent.Error);
        Assert.IsType<DreamToJob>(webhookEvent.RawRepresentation);
    }

    [Fact]
    public void The_event_id_is_derived_from_the_job_id_and_status()
    {
        var first = _parser.Parse(Callback(DreamToJobsWireFixtures.SucceededWithUrl));
        var again = _parser.Parse(Callback(DreamToJobsWireFixtures.SucceededWithUrl));
        var failed = _parser.Parse(Callback(DreamToJobsWireFixtures.FailedWithError));

        Assert.Equal("job_example:succeeded", first.EventId);
        Assert.Equal(first.EventId, again.EventId);
        Assert.NotEqual(first.EventId, failed.EventId);
    }

    [Fact]
    public void A_content_violation_callback_carries_the_same_exception_as_polling()
    {
        var webhookEvent = _parser.Parse(Callback(DreamToJobsWireFixtures.FailedWithContentViolation));

        Assert.Equal(ImageGenerationStatus.Failed, webhookEvent.Status);
        var error = Assert.IsType<NanoBananaContentFilteredException>(webhookEvent.Error);
        Assert.Equal(DreamToJobsWireFixtures.JobId, error.OperationId);
        Assert.Equal("content_violation", error.ErrorCode);
        Assert.Null(webhookEvent.Result);
    }

    [Fact]
    public void An_inline_image_in_a_callback_is_decoded()
    {
        var webhookEvent = _parser.Parse(Callback(DreamToJobsWireFixtures.Job("succeeded", "{\"b64_json\":\"" + Convert.ToBase64String(Png.Tiny) + "\"}")));

        Assert.Equal(Png.Tiny, Assert.Single(webhookEvent.Result!.Images).Data!.Value.ToArray());
    }

    [Fact]
    public void A_callback_without_the_token_is_rejected()
    {
        var e = Assert.Throws<NanoBananaWebhookException>(() => _parser.Parse(Callback(DreamToJobsWireFixtures.SucceededWithUrl, Hook)));

        Assert.Equal(WebhookRejectionReason.InvalidToken, e.Reason);
    }

    [Fact]
    public void A_callback_with_the_token_of_an_unknown_secret_is_rejected()
    {
        var e = Assert.Throws<NanoBananaWebhookException>(() => _parser.Parse(Callback(DreamToJobsWireFixtures.SucceededWithUrl, CallbackUrlToken.Append(Hook, "someone-else"))));

        Assert.Equal(WebhookRejectionReason.InvalidToken, e.Reason);
    }

    [Fact]
    public void A_callback_with_the_token_of_an_older_secret_is_accepted_during_rotation()
    {
        var parser = new DreamToJobsWebhookParser(DreamToJobsTestClients.Options(o =>
        {
            o.Webhooks.Secrets.Clear();
            o.Webhooks.Secrets.Add("the-new-secret");
            o.Webhooks.Secrets.Add(DreamToJobsTestClients.WebhookSecret);
        }));

        var webhookEvent = parser.Parse(Callback(DreamToJobsWireFixtures.SucceededWithUrl));

        Assert.Equal(ImageGenerationStatus.Succeeded, webhookEvent.Status);
    }

    [Fact]
    public void Without_a_configured_secret_every_callback_is_rejected_as_not_configured()
    {
        var parser = new DreamToJobsWebhookParser(DreamToJobsTestClients.Options(o => o.Webhooks.Secrets.Clear()));

        var e = Assert.Throws<NanoBananaWebhookException>(() => parser.Parse(Callback(DreamToJobsWireFixtures.SucceededWithUrl)));

        Assert.Equal(WebhookRejectionReason.NotConfigured, e.Reason);
    }

    [Fact]
    public void A_body_over_the_size_limit_is_rejected_before_parsing()
    {
        var parser = new DreamToJobsWebhookParser(DreamToJobsTestClients.Options(o => o.Webhooks.MaxBodyBytes = 64));

        var e = Assert.Throws<NanoBananaWebhookException>(() => parser.Parse(Callback(DreamToJobsWireFixtures.SucceededWithUrl)));

        Assert.Equal(WebhookRejectionReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Malformed_json_is_rejected()
    {
        var e = Assert.Throws<NanoBananaWebhookException>(() => _parser.Parse(Callback("{\"id\":")));

        Assert.Equal(WebhookRejectionReason.Malformed, e.Reason);
    }

    [Theory]
    [InlineData("""{"status":"succeeded"}""")]
    [InlineData("""{"id":"job_example"}""")]
    [InlineData("""{"hello":"world"}""")]
    public void Json_that_is_not_a_job_is_rejected_as_an_unknown_shape(string body)
    {
        var e = Assert.Throws<NanoBananaWebhookException>(() => _parser.Parse(Callback(body)));

        Assert.Equal(WebhookRejectionReason.UnknownShape, e.Reason);
    }

    [Fact]
    public void Inline_data_that_is_not_base64_is_rejected_as_malformed()
    {
        var e = Assert.Throws<NanoBananaWebhookException>(() => _parser.Parse(Callback(DreamToJobsWireFixtures.Job("succeeded", "{\"b64_json\":\"%%%%\"}"))));

        Assert.Equal(WebhookRejectionReason.Malformed, e.Reason);
    }

    [Fact]
    public void The_parser_names_its_provider()
    {
        Assert.Equal(DreamToJobsImageClient.ProviderId, _parser.ProviderName);
    }
}
