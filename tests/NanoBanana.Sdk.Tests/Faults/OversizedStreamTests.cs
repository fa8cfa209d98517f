using System.Net;
using System.Text;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>An event stream that never ends its line is abandoned at the SDK's limit instead of growing in memory.</summary>
public sealed class OversizedStreamTests
{
    [Fact]
    public async Task An_event_stream_past_the_size_limit_is_abandoned_with_a_clear_exception()
    {
        var runaway = Encoding.UTF8.GetBytes("data: {\"type\":\"status\",\"message\":\"" + new string('a', 17 * 1024 * 1024));
        var stub = new StubHandler().On(HttpMethod.Post, "/generate", _ =>
        {
            var content = new ByteArrayContent(runaway);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var client = TestClients.Direct(stub, TimeProvider.System);

        var e = await Assert.ThrowsAsync<NanoBananaException>(
            () => client.GenerateStreamingAsync(TestClients.Request(), TestContext.Current.CancellationToken).ToListAsync());

        Assert.Contains("stopped reading", e.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(e.InnerException);
    }
}
