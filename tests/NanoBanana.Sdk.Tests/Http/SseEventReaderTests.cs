using System.Text;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Tests.Http.InlineData;

namespace NanoBanana.Sdk.Tests.Http;

/// <summary>The incremental text/event-stream reader: framing, line ends, fields, cuts anywhere, and data handed out while it arrives.</summary>
public sealed class SseEventReaderTests
{
    /// <summary>Every kind of line, CRLF ends, a multi-line event, a comment inside an event, and a last event with no blank line.</summary>
    private const string Mixed =
        ": keep-alive\r\n" +
        "event: update\r\n" +
        "id: 7\r\n" +
        "data: {\"a\":\r\n" +
        ": a comment inside\r\n" +
        "data:1}\r\n" +
        "\r\n" +
        "retry: 10\n" +
        "data\n" +
        "data: x\n" +
        "\n" +
        "data: last";

    private static readonly string[] MixedEvents = ["{\"a\":\n1}", "\nx", "last"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> ReadAllAsync(Stream body, int bufferSize = 16)
    {
        using var reader = new SseEventReader(body, bufferSize);
        var events = new List<string>();
        while (await reader.MoveNextAsync(Ct))
        {
            using var data = new MemoryStream();
            await reader.Data.CopyToAsync(data, Ct);
            events.Add(Encoding.UTF8.GetString(data.ToArray()));
        }

        return events;
    }

    private static Task<List<string>> ReadAllAsync(string text, params int[] chunkSizes) =>
        ReadAllAsync(new SizedChunkStream(Encoding.UTF8.GetBytes(text), chunkSizes.Length == 0 ? [int.MaxValue] : chunkSizes));

    [Fact]
    public async Task A_small_stream_split_at_every_byte_boundary_gives_the_same_events()
    {
        var body = Encoding.UTF8.GetBytes(Mixed);

        for (var split = 1; split < body.Length; split++)
        {
            Assert.Equal(MixedEvents, await ReadAllAsync(new SizedChunkStream(body, split, body.Length)));
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(4096)]
    public async Task A_small_stream_read_one_byte_at_a_time_gives_the_same_events(int bufferSize)
    {
        Assert.Equal(MixedEvents, await ReadAllAsync(new SizedChunkStream(Encoding.UTF8.GetBytes(Mixed), 1), bufferSize));
    }

    [Fact]
    public async Task Synchronous_reads_of_the_data_give_the_same_events()
    {
        using var reader = new SseEventReader(new SizedChunkStream(Encoding.UTF8.GetBytes(Mixed), 3), 16);
        var events = new List<string>();
        while (await reader.MoveNextAsync(Ct))
        {
            using var text = new StreamReader(reader.Data, Encoding.UTF8, leaveOpen: true);
            events.Add(text.ReadToEnd());
        }

        Assert.Equal(MixedEvents, events);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task Lines_ending_in_crlf_lf_or_cr_read_alike(string lineEnd)
    {
        var text = "data: one" + lineEnd + "data: two" + lineEnd + lineEnd + "data: three" + lineEnd + lineEnd;

        Assert.Equal(["one\ntwo", "three"], await ReadAllAsync(text, 1));
    }

    [Fact]
    public async Task Only_one_space_after_the_colon_is_dropped()
    {
        Assert.Equal(["none", " two", "\tone"], await ReadAllAsync("data:none\n\ndata:  two\n\ndata: \tone\n\n"));
    }

    [Fact]
    public async Task Comments_and_other_fields_are_skipped_even_when_they_mention_data()
    {
        var text = ": data: not this\nevent: data\ndataX: nor this\ndat: nor\nid: data\ndata: yes\n\n";

        Assert.Equal(["yes"], await ReadAllAsync(text, 2));
    }

    [Fact]
    public async Task The_last_event_counts_without_a_closing_blank_line_even_when_cut_mid_line_end()
    {
        Assert.Equal(["a", "b"], await ReadAllAsync("data: a\n\ndata: b\r", 1));
    }

    [Fact]
    public async Task Events_without_data_or_with_empty_data_are_skipped()
    {
        Assert.Equal(["real"], await ReadAllAsync("event: ping\n\ndata:\n\n: comment\n\n\n\ndata: real\n\ndata\n"));
    }

    [Fact]
    public async Task A_leading_byte_order_mark_is_ignored_once()
    {
        Assert.Equal(["x"], await ReadAllAsync("\uFEFFdata: x\n\n", 1));
    }

    [Fact]
    public async Task Moving_on_skips_what_is_left_of_an_event()
    {
        using var reader = new SseEventReader(new SizedChunkStream(Encoding.UTF8.GetBytes("data: first part\ndata: more\n\ndata: second\n\n"), 4), 16);
        var start = new byte[5];

        Assert.True(await reader.MoveNextAsync(Ct));
        await reader.Data.ReadExactlyAsync(start, Ct);
        Assert.True(await reader.MoveNextAsync(Ct));
        Assert.Equal("second", await new StreamReader(reader.Data).ReadToEndAsync(Ct));
        Assert.False(await reader.MoveNextAsync(Ct));
        Assert.Equal("first", Encoding.UTF8.GetString(start));
    }

    [Fact]
    public async Task Data_is_handed_out_before_its_event_has_been_received()
    {
        var body = Encoding.UTF8.GetBytes("data: " + new string('A', 1024 * 1024) + "\n\n");
        var stream = new SizedChunkStream(body, 4096);
        using var reader = new SseEventReader(stream, 4096);
        var first = new byte[100];

        Assert.True(await reader.MoveNextAsync(Ct));
        await reader.Data.ReadExactlyAsync(first, Ct);

        Assert.All(first, b => Assert.Equal((byte)'A', b));
        Assert.True(stream.Reads <= 2, $"the reader had read {stream.Reads} chunks of a 256-chunk event before handing out its first bytes");
    }
}
