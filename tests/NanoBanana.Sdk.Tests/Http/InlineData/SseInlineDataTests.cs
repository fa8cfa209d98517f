using System.Text;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Http.InlineData;
using static NanoBanana.Sdk.Tests.Http.InlineData.InlineDataTestData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

/// <summary>Images inside server-sent events, decoded by <see cref="InlineDataJsonReader"/> straight from <see cref="SseEventReader.Data"/>.</summary>
public sealed class SseInlineDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A small event, then one per body, each framed the way a server might: CRLF line ends and a comment.</summary>
    private static byte[] Events(params byte[][] bodies)
    {
        var text = new StringBuilder(": stream start\r\ndata: {\"text\":\"first\"}\r\n\r\n");
        foreach (var body in bodies)
        {
            text.Append("event: chunk\r\ndata: ").Append(Encoding.UTF8.GetString(body)).Append("\r\n\r\n");
        }

        return Utf8(text.ToString());
    }

    private static async Task<List<InlineDataDocument>> ReadAllAsync(Stream body)
    {
        using var events = new SseEventReader(body);
        var documents = new List<InlineDataDocument>();
        while (await events.MoveNextAsync(Ct))
        {
            documents.Add(await InlineDataJsonReader.ReadAsync(events.Data, null, Options, Ct));
        }

        return documents;
    }

    [Fact]
    public async Task A_multi_megabyte_image_event_read_in_odd_chunks_decodes_exactly()
    {
        var image = RandomBytes(3 * 1024 * 1024 + 1);

        var documents = await ReadAllAsync(new SizedChunkStream(Events(Body(image)), 1, 4093, 2, 65521, 3));

        Assert.Equal(2, documents.Count);
        Assert.Equal("{\"text\":\"first\"}", Encoding.UTF8.GetString(documents[0].Skeleton.Span));
        Assert.Equal(image, Assert.Single(documents[1].Blobs).ToArray());
        Assert.Equal("#blob:0", Deserialize(documents[1]).Candidates![0].Content!.Parts![1].InlineData!.Data);
    }

    [Fact]
    public async Task Escaped_base64_in_an_event_decodes()
    {
        var image = RandomBytes(200_000);
        var escaped = Convert.ToBase64String(image).Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal);

        var documents = await ReadAllAsync(new SizedChunkStream(Events(Body(escaped)), 7, 1, 333));

        Assert.Equal(image, Assert.Single(documents[1].Blobs).ToArray());
    }

    [Fact]
    public async Task Two_image_parts_in_one_event_and_images_in_two_events_each_decode()
    {
        var first = RandomBytes(30_000);
        var second = RandomBytes(20_000);
        var third = RandomBytes(10_000);

        var documents = await ReadAllAsync(new SizedChunkStream(Events(TwoImageBody(first, second), Body(third)), 4093));

        Assert.Equal([first, second], documents[1].Blobs.Select(blob => blob.ToArray()));
        Assert.Equal(third, Assert.Single(documents[2].Blobs).ToArray());
    }

    [Fact]
    public async Task An_event_cut_inside_its_image_is_reported_as_truncated()
    {
        var body = Events(Body(RandomBytes(100_000)));

        var error = await Assert.ThrowsAsync<InlineDataFormatException>(() => ReadAllAsync(new SizedChunkStream(body[..60_000], 4093)));

        Assert.True(error.IsTruncated);
    }

    [Fact]
    public async Task Reading_an_image_event_allocates_the_image_once_and_nothing_in_proportion_to_the_base64()
    {
        var image = RandomBytes(4 * 1024 * 1024);
        var body = Events(Body(image));
        await ReadAllAsync(new MemoryStream(body)); // warms the pools and the code

        // A MemoryStream completes every read synchronously, so the whole read runs on this thread and is counted.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var documents = await ReadAllAsync(new MemoryStream(body));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(image, documents[1].Blobs[0].ToArray());
        Assert.InRange(allocated, image.Length, image.Length + (image.Length / 16));
    }
}
