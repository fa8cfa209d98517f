using System.Net.Http.Headers;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;

namespace NanoBanana.Sdk.Tests.AspNetCore;

/// <summary>What reaches the parser: the raw body byte for byte, every header, and the full URL.</summary>
public sealed class WebhookEndpointRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_body_reaches_the_parser_byte_for_byte()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Re-serializing this JSON would change it (spacing, escapes, number form, key order, duplicate keys), so any
        // binding or round trip before the parser shows up as a difference, and so would a signature mismatch.
        var body = Encoding.UTF8.GetBytes("{ \"b\":1,\t\"a\" : \"caf\\u00e9 \\/ \u00e9\" ,\"n\": 1.50e0, \"b\": [ ] }\r\n");

        using var response = await receiver.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, Assert.Single(receiver.Parser.Received).Body.ToArray());
    }

    [Fact]
    public async Task A_chunked_body_reaches_the_parser_whole()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var body = Encoding.UTF8.GetBytes("{\"data\":\"" + new string('x', 100_000) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.FakeEndpoint) { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await receiver.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, Assert.Single(receiver.Parser.Received).Body.ToArray());
    }

    [Fact]
    public async Task Headers_reach_the_parser_and_are_looked_up_ignoring_case()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.FakeEndpoint) { Content = new ByteArrayContent("{}"u8.ToArray()) };
        request.Headers.Add("X-Signature-Timestamp", "1767225600");
        request.Headers.Add("X-Signature", "sha256=abc123");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await receiver.Client.SendAsync(request, Ct);

        var headers = Assert.Single(receiver.Parser.Received).Headers;
        Assert.Equal("sha256=abc123", headers["x-signature"]);
        Assert.Equal("1767225600", headers["X-SIGNATURE-TIMESTAMP"]);
        Assert.StartsWith("application/json", headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_url_with_its_query_reaches_the_parser()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var target = new Uri(receiver.FakeEndpoint + "?job=42&nb_token=abc-_123");

        using var response = await receiver.Client.PostAsync(target, new ByteArrayContent("{}"u8.ToArray()), Ct);

        var uri = Assert.Single(receiver.Parser.Received).RequestUri;
        Assert.Equal(target, uri);
        Assert.Equal("?job=42&nb_token=abc-_123", uri!.Query);
    }

    [Fact]
    public async Task A_custom_pattern_routes_by_its_provider_parameter()
    {
        await using var receiver = await WebhookReceiver.StartAsync(mapEndpoint: app => app.MapNanoBananaWebhooks("/hooks/{provider}/in"));

        using var response = await receiver.Client.PostAsync(new Uri(receiver.BaseAddress, "hooks/fake/in"), new ByteArrayContent("{}"u8.ToArray()), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(receiver.Parser.Received);
    }

    [Fact]
    public async Task Only_post_is_mapped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        using var response = await receiver.Client.GetAsync(receiver.FakeEndpoint, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(receiver.Parser.Received);
    }
}
