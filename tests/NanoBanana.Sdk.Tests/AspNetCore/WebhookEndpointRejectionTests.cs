using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.AspNetCore;

/// <summary>How rejected callbacks are answered: status codes, short bodies that never echo the payload, nothing handled.</summary>
public sealed class WebhookEndpointRejectionTests
{
    private const string PayloadMarker = "payload-marker-7d1e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(WebhookRejectionReason.InvalidSignature, HttpStatusCode.Unauthorized)]
    [InlineData(WebhookRejectionReason.InvalidToken, HttpStatusCode.Unauthorized)]
    [InlineData(WebhookRejectionReason.TimestampOutOfRange, HttpStatusCode.Unauthorized)]
    [InlineData(WebhookRejectionReason.NotConfigured, HttpStatusCode.Unauthorized)]
    [InlineData(WebhookRejectionReason.TooLarge, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(WebhookRejectionReason.Malformed, HttpStatusCode.BadRequest)]
    [InlineData(WebhookRejectionReason.UnknownShape, HttpStatusCode.BadRequest)]
    public async Task A_rejection_is_answered_with_its_status_code(WebhookRejectionReason reason, HttpStatusCode expected)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Parser.Answer = _ => throw Rejection(reason);

        using var response = await receiver.PostAsync("{}"u8.ToArray());

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_rejection_answer_and_its_log_never_echo_the_payload_or_the_exception_message()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Parser.Answer = _ => throw new NanoBananaWebhookException("bad JSON near " + PayloadMarker)
        {
            Provider = "Fake",
            Reason = WebhookRejectionReason.Malformed,
        };

        using var response = await receiver.PostAsync(Encoding.UTF8.GetBytes("{\"" + PayloadMarker + "\":"));
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(PayloadMarker, text, StringComparison.Ordinal);
        Assert.True(text.Length < 100, text);
        Assert.Contains("Rejected a callback from fake: Malformed", receiver.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(PayloadMarker, receiver.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_callback_is_neither_handled_nor_published()
    {
        var handled = 0;
        await using var receiver = await WebhookReceiver.StartAsync(services => services.AddNanoBananaWebhookHandler((_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        }));
        receiver.Parser.Answer = _ => throw Rejection(WebhookRejectionReason.InvalidToken);

        using var response = await receiver.PostAsync("{}"u8.ToArray(), operationId: "job-9");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, handled);
        Assert.False(receiver.Hub.WaitAsync("Fake", "job-9", Ct).IsCompleted);
    }

    [Fact]
    public async Task A_missing_secret_is_logged_as_an_error_naming_the_setting()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Parser.Answer = _ => throw Rejection(WebhookRejectionReason.NotConfigured);

        using var response = await receiver.PostAsync("{}"u8.ToArray());

        Assert.Contains(receiver.Logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal) && line.Contains("Webhooks:Secrets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_provider_is_404_and_reaches_no_parser()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        using var response = await receiver.Client.PostAsync(
            new Uri(receiver.BaseAddress, "webhooks/nanobanana/nosuchvendor"), new ByteArrayContent("{}"u8.ToArray()), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(receiver.Parser.Received);
    }

    [Fact]
    public async Task A_content_length_over_the_limit_is_413_before_the_body_is_read()
    {
        await using var receiver = await WebhookReceiver.StartAsync(mapEndpoint: app => app.MapNanoBananaWebhooks(configure: o => o.MaxBodyBytes = 16));

        using var response = await receiver.PostAsync(new byte[17]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(receiver.Parser.Received);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_accepted()
    {
        await using var receiver = await WebhookReceiver.StartAsync(mapEndpoint: app => app.MapNanoBananaWebhooks(configure: o => o.MaxBodyBytes = 16));

        using var response = await receiver.PostAsync("{\"a\":\"12345678\"}"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(16, Assert.Single(receiver.Parser.Received).Body.Length);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_without_reaching_the_parser()
    {
        await using var receiver = await WebhookReceiver.StartAsync(mapEndpoint: app => app.MapNanoBananaWebhooks(configure: o => o.MaxBodyBytes = 1024));
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.FakeEndpoint) { Content = new StreamContent(new MemoryStream(new byte[4096])) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await receiver.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(receiver.Parser.Received);
    }

    private static NanoBananaWebhookException Rejection(WebhookRejectionReason reason) =>
        new($"Rejected a Fake callback: {reason}.") { Provider = "Fake", Reason = reason };
}
