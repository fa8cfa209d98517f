using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Providers.BananaPro;

/// <summary>Account webhook deliveries: HMAC verification under both header spellings, both event spellings, and rejections.</summary>
public sealed class BananaProWebhookParserTests
{
    private const string Secret = "whsec_local_secret";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Now);

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The documented scheme, computed independently of the SDK: hex HMAC-SHA256 of "{timestamp}.{body}".</summary>
    private static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private static WebhookRequest Signed(
        string body, string secret = Secret, DateTimeOffset? at = null, string timestampHeader = "X-Nano-Timestamp", string signatureHeader = "X-Nano-Signature", string? signedBody = null)
    {
        var timestamp = Timestamp(at ?? Now);
        return new WebhookRequest(
            Encoding.UTF8.GetBytes(body),
            new Dictionary<string, string> { [timestampHeader] = timestamp, [signatureHeader] = Sign(secret, timestamp, signedBody ?? body), ["Content-Type"] = "application/json" });
    }

    private BananaProWebhookParser Parser(Action<NanoBananaWebhookOptions>? configure = null, params string[] secrets)
    {
        var options = BananaProTestClients.Options();
        foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
        {
            options.Webhooks.Secrets.Add(secret);
        }

        configure?.Invoke(options.Webhooks);
        return new BananaProWebhookParser(options, _time);
    }

    private NanoBananaWebhookException Rejected(WebhookRequest request, BananaProWebhookParser? parser = null) =>
        Assert.Throws<NanoBananaWebhookException>(() => (parser ?? Parser()).Parse(request));

    [Fact]
    public void The_documented_delivery_becomes_a_succeeded_event_with_the_image()
    {
        var webhookEvent = Parser().Parse(Signed(BananaProFixtures.DeliveryCompleted));

        Assert.Equal(BananaProImageClient.ProviderId, webhookEvent.Provider);
        Assert.Equal(BananaProFixtures.TaskId, webhookEvent.OperationId);
        Assert.Equal(ImageGenerationStatus.Succeeded, webhookEvent.Status);
        Assert.Equal(new Uri(BananaProFixtures.ImageUrl), Assert.Single(webhookEvent.Result!.Images).Uri);
        Assert.Equal(6m, webhookEvent.Result.Usage?.CreditsUsed);
        Assert.Null(webhookEvent.Error);
        Assert.IsType<BananaProWebhookPayload>(webhookEvent.RawRepresentation);
    }

    [Fact]
    public void The_x_webhook_header_spelling_is_verified_too()
    {
        var request = Signed(BananaProFixtures.DeliveryCompleted, timestampHeader: "X-Webhook-Timestamp", signatureHeader: "X-Webhook-Signature");

        Assert.Equal(ImageGenerationStatus.Succeeded, Parser().Parse(request).Status);
    }

    [Fact]
    public void Header_names_are_matched_ignoring_case()
    {
        var request = Signed(BananaProFixtures.DeliveryCompleted, timestampHeader: "x-nano-timestamp", signatureHeader: "x-nano-signature");

        Assert.Equal(ImageGenerationStatus.Succeeded, Parser().Parse(request).Status);
    }

    [Fact]
    public void Both_event_spellings_give_the_same_event_id_for_dedupe()
    {
        var job = Parser().Parse(Signed(BananaProFixtures.DeliveryCompleted));
        var task = Parser().Parse(Signed(BananaProFixtures.DeliveryCompleted.Replace("job.completed", "task.completed", StringComparison.Ordinal)));

        Assert.Equal("task_abc123:succeeded", job.EventId);
        Assert.Equal(job.EventId, task.EventId);
        Assert.Equal(ImageGenerationStatus.Succeeded, task.Status);
    }

    [Theory]
    [InlineData("job.failed")]
    [InlineData("task.failed")]
    public void A_failed_delivery_carries_the_same_exception_polling_throws(string eventName)
    {
        var webhookEvent = Parser().Parse(Signed(BananaProFixtures.DeliveryFailed.Replace("job.failed", eventName, StringComparison.Ordinal)));

        Assert.Equal(ImageGenerationStatus.Failed, webhookEvent.Status);
        Assert.Null(webhookEvent.Result);
        var error = Assert.IsType<NanoBananaGenerationFailedException>(webhookEvent.Error);
        Assert.Equal(BananaProFixtures.TaskId, error.OperationId);
        Assert.Contains("upstream model crashed", error.Message, StringComparison.Ordinal);
        Assert.Equal("task_abc123:failed", webhookEvent.EventId);
    }

    [Fact]
    public void A_safety_failure_delivery_carries_a_content_filtered_exception()
    {
        var body = BananaProFixtures.DeliveryFailed.Replace("upstream model crashed", "NSFW content detected", StringComparison.Ordinal);

        Assert.IsType<NanoBananaContentFilteredException>(Parser().Parse(Signed(body)).Error);
    }

    [Fact]
    public void A_tampered_body_is_rejected_as_an_invalid_signature()
    {
        var request = Signed(BananaProFixtures.DeliveryCompleted, signedBody: BananaProFixtures.DeliveryCompleted.Replace("image.png", "other.png", StringComparison.Ordinal));

        Assert.Equal(WebhookRejectionReason.InvalidSignature, Rejected(request).Reason);
    }

    [Fact]
    public void A_signature_with_another_secret_is_rejected()
    {
        Assert.Equal(WebhookRejectionReason.InvalidSignature, Rejected(Signed(BananaProFixtures.DeliveryCompleted, secret: "whsec_someone_else")).Reason);
    }

    [Fact]
    public void A_delivery_signed_with_an_older_secret_is_accepted_during_rotation()
    {
        var parser = Parser(secrets: ["whsec_new", Secret]);

        Assert.Equal(ImageGenerationStatus.Succeeded, parser.Parse(Signed(BananaProFixtures.DeliveryCompleted)).Status);
    }

    [Fact]
    public void A_delivery_without_signature_headers_is_rejected()
    {
        var request = new WebhookRequest(Encoding.UTF8.GetBytes(BananaProFixtures.DeliveryCompleted), new Dictionary<string, string>());

        Assert.Equal(WebhookRejectionReason.InvalidSignature, Rejected(request).Reason);
    }

    [Fact]
    public void A_timestamp_outside_the_tolerance_is_rejected_as_a_replay()
    {
        var request = Signed(BananaProFixtures.DeliveryCompleted, at: Now - TimeSpan.FromMinutes(6));

        Assert.Equal(WebhookRejectionReason.TimestampOutOfRange, Rejected(request).Reason);
    }

    [Fact]
    public void A_timestamp_within_the_tolerance_is_accepted()
    {
        var request = Signed(BananaProFixtures.DeliveryCompleted, at: Now - TimeSpan.FromMinutes(4));

        Assert.Equal(ImageGenerationStatus.Succeeded, Parser().Parse(request).Status);
    }

    [Fact]
    public void Without_configured_secrets_nothing_is_accepted()
    {
        var options = BananaProTestClients.Options();
        var parser = new BananaProWebhookParser(options, _time);

        Assert.Equal(WebhookRejectionReason.NotConfigured, Rejected(Signed(BananaProFixtures.DeliveryCompleted), parser).Reason);
    }

    [Fact]
    public void An_oversized_body_is_rejected()
    {
        var parser = Parser(webhooks => webhooks.MaxBodyBytes = 64);

        Assert.Equal(WebhookRejectionReason.TooLarge, Rejected(Signed(BananaProFixtures.DeliveryCompleted), parser).Reason);
    }

    [Fact]
    public void A_signed_body_that_is_not_json_is_rejected_as_malformed()
    {
        Assert.Equal(WebhookRejectionReason.Malformed, Rejected(Signed("{\"event\": \"job.completed\", ")).Reason);
    }

    [Theory]
    [InlineData("""{"event":"job.started","task_id":"task_abc123","status":"processing"}""")]
    [InlineData("""{"task_id":"task_abc123","status":"completed","data":{"url":"https://cdn.example.com/a.png"}}""")]
    [InlineData("""{"event":"job.completed","status":"completed","data":{"url":"https://cdn.example.com/a.png"}}""")]
    [InlineData("[1,2,3]")]
    public void A_signed_body_of_an_unknown_shape_is_rejected(string body)
    {
        var e = Assert.ThrowsAny<NanoBananaWebhookException>(() => Parser().Parse(Signed(body)));

        Assert.Contains(e.Reason, new[] { WebhookRejectionReason.UnknownShape, WebhookRejectionReason.Malformed });
    }

    [Fact]
    public void An_undocumented_event_is_rejected_as_unknown_shape_naming_the_event()
    {
        var e = Rejected(Signed("""{"event":"job.started","task_id":"task_abc123","status":"processing"}"""));

        Assert.Equal(WebhookRejectionReason.UnknownShape, e.Reason);
        Assert.Contains("job.started", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_signed_in_its_compact_form_is_accepted_as_the_vendor_sample_verifier_would()
    {
        var compact = """{"event":"job.completed","task_id":"task_abc123","task_type":"image","status":"completed","data":{"url":"https://cdn.example.com/image.png","credits_charged":6},"timestamp":"2024-12-23T10:00:00Z"}""";

        var webhookEvent = Parser().Parse(Signed(BananaProFixtures.DeliveryCompleted, signedBody: compact));

        Assert.Equal(ImageGenerationStatus.Succeeded, webhookEvent.Status);
    }
}
