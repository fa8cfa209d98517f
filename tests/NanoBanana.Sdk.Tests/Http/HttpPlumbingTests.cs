using System.Net;
using System.Net.Http.Headers;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Http;

/// <summary>The shared, vendor-neutral HTTP helpers: redaction, Retry-After, request kinds.</summary>
public sealed class HttpPlumbingTests
{
    [Fact]
    public void Sanitize_replaces_the_api_key() =>
        Assert.Equal("bad key *** given", SensitiveText.Sanitize("bad key nb_secret given", "nb_secret"));

    [Fact]
    public void Sanitize_masks_bearer_tokens_even_without_the_key() =>
        Assert.Equal("sent Bearer ***", SensitiveText.Sanitize("sent Bearer nb_other_key"));

    [Fact]
    public void Sanitize_drops_base64_runs()
    {
        var base64 = Convert.ToBase64String(new byte[300]);

        var text = SensitiveText.Sanitize($"image {base64} rejected");

        Assert.Equal("image [base64 omitted] rejected", text);
    }

    [Fact]
    public void Sanitize_bounds_the_length()
    {
        var text = SensitiveText.Sanitize(string.Join(' ', Enumerable.Repeat("word", 200)));

        Assert.NotNull(text);
        Assert.True(text.Length <= 301, $"length {text.Length}");
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Sanitize_returns_null_for_empty_text(string? text) => Assert.Null(SensitiveText.Sanitize(text));

    [Fact]
    public void Mask_shows_only_a_prefix_and_the_length() =>
        Assert.Equal("nb_*** (10 chars)", SensitiveText.Mask("nb_1234567"));

    [Fact]
    public void Retry_after_in_seconds_is_read_as_a_delay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfterHeader.Read(response, new ManualTimeProvider()));
    }

    [Fact]
    public void Retry_after_as_a_date_is_read_against_the_clock()
    {
        var time = new ManualTimeProvider();
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(time.Now + TimeSpan.FromMinutes(2));

        Assert.Equal(TimeSpan.FromMinutes(2), RetryAfterHeader.Read(response, time));
    }

    [Fact]
    public void Retry_after_date_in_the_past_is_zero()
    {
        var time = new ManualTimeProvider();
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(time.Now - TimeSpan.FromMinutes(2));

        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Read(response, time));
    }

    [Fact]
    public void Missing_retry_after_is_null()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(RetryAfterHeader.Read(response, new ManualTimeProvider()));
    }

    [Theory]
    [InlineData("GET", "Read")]
    [InlineData("HEAD", "Read")]
    [InlineData("POST", "Submit")]
    [InlineData("PUT", "Submit")]
    public void Requests_without_a_kind_are_classified_by_method(string method, string expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://127.0.0.1/");

        Assert.Equal(Enum.Parse<HttpRequestKind>(expected), NanoBananaRequestOptions.GetKind(request));
    }

    [Fact]
    public void An_explicit_kind_wins_over_the_method()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://127.0.0.1/");
        request.Options.Set(
            NanoBananaRequestOptions.Facts,
            new RequestFacts(HttpRequestKind.IdempotentSubmit, "test", NanaNanoBananaErrorParser.Instance, DateTimeOffset.MaxValue));

        Assert.Equal(HttpRequestKind.IdempotentSubmit, NanoBananaRequestOptions.GetKind(request));
    }

    [Fact]
    public async Task Handler_without_an_inner_handler_pipeline_can_be_used_as_a_plain_delegating_handler()
    {
        var time = new ManualTimeProvider();
        var stub = new StubHandler(time).On(HttpMethod.Get, "/ping", Reply.Status(HttpStatusCode.InternalServerError), Reply.Status(HttpStatusCode.NoContent));
        using var client = new HttpClient(new NanoBananaResilienceHandler(new NanoBananaResilienceOptions(), time) { InnerHandler = stub });

        using var response = await time.RunAsync(client.GetAsync(new Uri("https://127.0.0.1:7443/ping"), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, stub.Requests.Count);
    }
}
