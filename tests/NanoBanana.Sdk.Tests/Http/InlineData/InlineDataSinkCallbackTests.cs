using NanoBanana.Sdk.Http.InlineData;
using static NanoBanana.Sdk.Tests.Http.InlineData.InlineDataTestData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

/// <summary>The reader's sink callback: blobs decoded into streams while the body arrives, the skeleton unchanged.</summary>
public sealed class InlineDataSinkCallbackTests
{
    private readonly List<(InlineDataBlobInfo Info, TrackingStream Stream)> _opened = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private InlineDataSink? OpenSink(InlineDataBlobInfo info) => OpenSink(info, 64 * 1024);

    private InlineDataSink OpenSink(InlineDataBlobInfo info, int bufferSize)
    {
        var stream = new TrackingStream();
        _opened.Add((info, stream));
        return new InlineDataSink(stream, bufferSize, leaveOpen: false);
    }

    private ValueTask<InlineDataDocument> ReadAsync(byte[] body, int chunkSize, Func<InlineDataBlobInfo, InlineDataSink?>? openSink = null, InlineDataReaderOptions? options = null) =>
        InlineDataJsonReader.ReadAsync(new SizedChunkStream(body, chunkSize), body.Length, options ?? Options, openSink ?? OpenSink, Ct);

    [Fact]
    public async Task Each_blob_goes_to_the_sink_opened_for_it_with_its_index_and_media_type()
    {
        var first = RandomBytes(40_000);
        var second = RandomBytes(9_000);

        var document = await ReadAsync(TwoImageBody(first, second), 4093);

        Assert.Equal([new InlineDataBlobInfo(0, "image/png"), new InlineDataBlobInfo(1, "image/jpeg")], _opened.Select(o => o.Info));
        Assert.Equal([first, second], _opened.Select(o => o.Stream.ToArray()));
        Assert.All(_opened, o => Assert.True(o.Stream.IsDisposed));
        Assert.All(document.Blobs, blob => Assert.True(blob.IsEmpty));
        var parts = Deserialize(document).Candidates![0].Content!.Parts!;
        Assert.Equal("#blob:0", parts[0].InlineData!.Data);
        Assert.Equal("#blob:1", parts[2].InlineDataSnakeCase!.Data);
        Assert.Equal("image/jpeg", parts[2].InlineDataSnakeCase!.MimeTypeSnakeCase);
    }

    [Fact]
    public async Task A_blob_without_a_sink_is_decoded_into_memory_as_before()
    {
        var first = RandomBytes(40_000);
        var second = RandomBytes(9_000);

        var document = await ReadAsync(TwoImageBody(first, second), 7, info => info.Index == 0 ? OpenSink(info) : null);

        Assert.Equal(first, Assert.Single(_opened).Stream.ToArray());
        Assert.True(document.Blobs[0].IsEmpty);
        Assert.Equal(second, document.Blobs[1].ToArray());
    }

    [Fact]
    public async Task A_value_too_short_to_be_lifted_still_goes_to_its_sink()
    {
        var tiny = RandomBytes(10);

        var document = await ReadAsync(Body(tiny), 3);

        Assert.Equal(tiny, Assert.Single(_opened).Stream.ToArray());
        Assert.Equal("#blob:0", Deserialize(document).Candidates![0].Content!.Parts![1].InlineData!.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4093)]
    public async Task Escaped_base64_reaches_a_small_sink_buffer_exactly(int chunkSize)
    {
        var image = RandomBytes(100_001);
        var escaped = Convert.ToBase64String(image).Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal);

        await ReadAsync(Body(escaped), chunkSize, info => OpenSink(info, bufferSize: 16));

        Assert.Equal(image, Assert.Single(_opened).Stream.ToArray());
    }

    [Fact]
    public async Task The_sink_is_written_while_the_body_is_still_arriving()
    {
        var body = Body(RandomBytes(1024 * 1024));
        var stream = new SizedChunkStream(body, 4096);
        var readsAtFirstWrite = -1;

        await InlineDataJsonReader.ReadAsync(stream, body.Length, Options, _ => new InlineDataSink(new WriteProbe(() => readsAtFirstWrite = readsAtFirstWrite < 0 ? stream.Reads : readsAtFirstWrite)), Ct);

        Assert.InRange(readsAtFirstWrite, 1, stream.Reads / 4);
    }

    [Theory]
    [InlineData("{\"mimeType\":\"image/png\",\"meta\":{\"mimeType\":\"text/plain\"},\"data\":\"QUJD\"}", "image/png")]
    [InlineData("{\"mimeType\":\"image\\/webp\",\"data\":\"QUJD\"}", "image/webp")]
    [InlineData("{\"data\":\"QUJD\",\"mimeType\":\"image/png\"}", null)]
    [InlineData("[{\"mimeType\":\"image/png\"},{\"data\":\"QUJD\"}]", null)]
    [InlineData("{\"mimeType\":\"image/png\",\"next\":[{\"data\":\"QUJD\"}]}", null)]
    public async Task Only_a_media_type_before_the_data_in_the_same_object_is_passed(string json, string? mediaType)
    {
        await ReadAsync(Utf8(json), 5);

        Assert.Equal(mediaType, Assert.Single(_opened).Info.MediaType);
    }

    [Fact]
    public async Task A_body_cut_inside_a_sink_blob_is_truncated_and_the_sink_disposed()
    {
        var body = Body(RandomBytes(100_000)).AsSpan(0, 50_000).ToArray();

        var error = await Assert.ThrowsAsync<InlineDataFormatException>(async () =>
            await InlineDataJsonReader.ReadAsync(new SizedChunkStream(body, 4093), null, Options, OpenSink, Ct));

        Assert.True(error.IsTruncated);
        Assert.True(Assert.Single(_opened).Stream.IsDisposed);
    }

    [Fact]
    public async Task A_sink_blob_that_is_not_base64_is_reported_at_its_position_in_the_body()
    {
        var body = Body("QUJDQUJD*QUJD");

        var error = await Assert.ThrowsAsync<InlineDataFormatException>(async () => await ReadAsync(body, 5));

        Assert.Equal(Array.IndexOf(body, (byte)'*'), error.Position);
        Assert.True(Assert.Single(_opened).Stream.IsDisposed);
    }

    [Fact]
    public async Task Bytes_sent_to_a_sink_do_not_count_against_the_decoded_limit()
    {
        var image = RandomBytes(100_000);

        await ReadAsync(Body(image), 4093, options: new InlineDataReaderOptions("data") { MaxDecodedLength = 1000 });

        Assert.Equal(image, Assert.Single(_opened).Stream.ToArray());
    }

    /// <summary>Keeps what is written, and whether it was disposed; <see cref="MemoryStream.ToArray"/> works after disposal.</summary>
    private sealed class TrackingStream : MemoryStream
    {
        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>Drops what is written and reports each write.</summary>
    private sealed class WriteProbe(Action written) : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            written();
            return ValueTask.CompletedTask;
        }
    }
}
