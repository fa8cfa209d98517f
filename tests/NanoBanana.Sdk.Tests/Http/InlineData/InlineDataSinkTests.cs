using NanoBanana.Sdk.Http.InlineData;
using static NanoBanana.Sdk.Tests.Http.InlineData.InlineDataTestData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

public sealed class InlineDataSinkTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(64 * 1024)]
    public async Task The_sink_writes_exactly_the_decoded_bytes(int bufferSize)
    {
        var image = RandomBytes(1024 * 1024 + 1);
        var content = Utf8(Convert.ToBase64String(image).Replace("/", "\\/", StringComparison.Ordinal).Insert(5000, "\\n"));
        using var destination = new MemoryStream();
        using var sink = new InlineDataSink(destination, bufferSize);

        for (var at = 0; at < content.Length; at += 7)
        {
            await sink.WriteAsync(content.AsMemory(at, Math.Min(7, content.Length - at)), TestContext.Current.CancellationToken);
        }

        await sink.CompleteAsync(TestContext.Current.CancellationToken);
        Assert.Equal(image, destination.ToArray());
        Assert.Equal(image.Length, sink.BytesWritten);
    }

    [Fact]
    public async Task The_sink_rejects_content_that_is_not_base64_with_its_position()
    {
        var content = Utf8("QUJD" + "QU*D");
        using var sink = new InlineDataSink(new MemoryStream());

        var error = await Assert.ThrowsAsync<InlineDataFormatException>(async () =>
        {
            await sink.WriteAsync(content.AsMemory(0, 5), TestContext.Current.CancellationToken);
            await sink.WriteAsync(content.AsMemory(5), TestContext.Current.CancellationToken);
        });

        Assert.Equal(6, error.Position);
    }
}
