using System.Security.Cryptography;
using NanoBanana.Sdk.Providers.Gemini;
using static NanoBanana.Sdk.Tests.Providers.Gemini.GeminiWireFixtures;

namespace NanoBanana.Sdk.Tests.Providers.Gemini;

/// <summary>GenerateToStreamAsync: each inline image decoded from the network straight into the caller's stream.</summary>
public sealed class GeminiGenerateToStreamTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly List<(GeminiImagePartInfo Info, TrackingStream Stream)> _opened = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Stream Open(GeminiImagePartInfo info)
    {
        var stream = new TrackingStream();
        _opened.Add((info, stream));
        return stream;
    }

    private async Task<GeminiStreamedGeneration> GenerateAsync(Func<HttpRequestMessage, HttpResponseMessage> reply)
    {
        using var client = GeminiTestClients.Direct(new StubHandler(_time).OnGenerate(reply), _time);
        return await client.GenerateToStreamAsync(GeminiTestClients.Request(), Open, Ct);
    }

    [Fact]
    public async Task The_destination_receives_exactly_the_image_bytes_and_is_disposed()
    {
        var image = RandomBytes(2 * 1024 * 1024);
        var body = Utf8(SyncResponse(Convert.ToBase64String(image)));

        var generation = await GenerateAsync(GeminiTestClients.ChunkedJson(body, lengthKnown: true, 1, 4093, 65536));

        var (info, stream) = Assert.Single(_opened);
        Assert.Equal(new GeminiImagePartInfo(0, "image/png"), info);
        Assert.Equal(image, stream.Written);
        Assert.True(stream.IsDisposed);
        Assert.Equal(0, generation.ImageIndex);
        Assert.Equal(image.Length, generation.ImageLength);
        Assert.Equal("image/png", generation.MediaType);
        Assert.Equal("Here is the mug on a marble counter.", generation.Text);
        Assert.Equal(1571, generation.Usage!.TotalTokens);
        Assert.True(generation.Response.Candidates[0].Content!.Parts[1].InlineData!.Data.IsEmpty);
    }

    [Fact]
    public async Task Escaped_base64_reaches_the_destination_decoded()
    {
        var image = RandomBytes(30_000);
        var escaped = Convert.ToBase64String(image).Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal);

        await GenerateAsync(GeminiTestClients.ChunkedJson(Utf8(Candidate("STOP", ImagePart(escaped))), lengthKnown: false, 5, 17, 1));

        Assert.Equal(image, Assert.Single(_opened).Stream.Written);
    }

    [Fact]
    public async Task Two_image_parts_go_to_two_destinations_and_the_last_is_the_result()
    {
        var draft = RandomBytes(3000, seed: 1);
        var final = RandomBytes(12_000, seed: 2);
        var parts = ImagePart(Convert.ToBase64String(draft)) + "," + ImagePart(Convert.ToBase64String(final), "image/jpeg") + "," + TextPart("done");

        var generation = await GenerateAsync(Reply.Json(Candidate("STOP", parts)));

        Assert.Equal([draft, final], _opened.Select(o => o.Stream.Written));
        Assert.Equal([0, 1], _opened.Select(o => o.Info.Index));
        Assert.Equal("image/jpeg", _opened[1].Info.MediaType);
        Assert.Equal(1, generation.ImageIndex);
        Assert.Equal("image/jpeg", generation.MediaType);
        Assert.Equal(final.Length, generation.ImageLength);
    }

    [Fact]
    public async Task A_thought_image_after_the_result_is_written_but_not_chosen()
    {
        var final = RandomBytes(3000, seed: 1);
        var parts = ImagePart(Convert.ToBase64String(final)) + "," + ImagePart(Convert.ToBase64String(RandomBytes(3000, seed: 2)), thought: true);

        var generation = await GenerateAsync(Reply.Json(Candidate("STOP", parts)));

        Assert.Equal(2, _opened.Count);
        Assert.Equal(0, generation.ImageIndex);
    }

    [Fact]
    public async Task A_media_type_that_follows_the_data_is_unknown_when_the_destination_opens()
    {
        var generation = await GenerateAsync(Reply.Json(Candidate("STOP", "{\"inlineData\":{\"data\":\"" + TinyPngBase64 + "\",\"mimeType\":\"image/webp\"}}")));

        Assert.Null(Assert.Single(_opened).Info.MediaType);
        Assert.Equal("image/webp", generation.MediaType);
    }

    [Fact]
    public async Task A_filtered_answer_throws_like_generate()
    {
        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => GenerateAsync(Reply.Json(Candidate("IMAGE_SAFETY", TextPart("no")))));

        Assert.Equal("IMAGE_SAFETY", e.ErrorCode);
        Assert.Empty(_opened);
    }

    [Fact]
    public async Task A_body_cut_inside_an_image_is_stream_interrupted_and_the_destination_is_disposed()
    {
        var body = Utf8(SyncResponse(Convert.ToBase64String(RandomBytes(100_000))));

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => GenerateAsync(GeminiTestClients.ChunkedJson(body[..50_000], lengthKnown: false, 8192)));

        Assert.Equal("stream_interrupted", e.ErrorCode);
        Assert.True(Assert.Single(_opened).Stream.IsDisposed);
    }

    [Fact]
    public async Task An_image_that_is_not_base64_is_a_nano_banana_exception()
    {
        var e = await Assert.ThrowsAsync<NanoBananaException>(() => GenerateAsync(Reply.Json(Candidate("STOP", ImagePart("QUJD*QUJD")))));

        Assert.Equal(GeminiImageClient.ProviderId, e.Provider);
        Assert.False(e.IsTransient);
    }

    /// <summary>A write-only stream that keeps what it was given, so the test can compare it.</summary>
    private sealed class TrackingStream : MemoryStream
    {
        public bool IsDisposed { get; private set; }

        public byte[] Written => ToArray();

        /// <remarks><see cref="MemoryStream.ToArray"/> still works once the stream is disposed.</remarks>
        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}

/// <summary>Allocation of GenerateToStreamAsync, measured alone so no other test's allocations count.</summary>
[Collection(GeminiAllocationGroup.Name)]
public sealed class GeminiGenerateToStreamAllocationTests
{
    private const int ImageLength = 8 * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Streaming_an_8_mib_image_allocates_far_less_than_the_image_while_generate_allocates_it_whole()
    {
        var time = new ManualTimeProvider();
        var image = RandomBytes(ImageLength);
        var body = Utf8(SyncResponse(Convert.ToBase64String(image)));
        var stub = new StubHandler(time).OnGenerate(GeminiTestClients.ChunkedJson(body, lengthKnown: true, 65536));
        using var client = GeminiTestClients.Direct(stub, time);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await client.GenerateToStreamAsync(GeminiTestClients.Request(), _ => new HashingStream(hash), Ct);
        hash.GetHashAndReset();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await client.GenerateToStreamAsync(GeminiTestClients.Request(), _ => new HashingStream(hash), Ct);
        var streamed = GC.GetTotalAllocatedBytes(precise: true) - before;

        before = GC.GetTotalAllocatedBytes(precise: true);
        await client.GenerateAsync(GeminiTestClients.Request(), Ct);
        var buffered = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(SHA256.HashData(image), hash.GetHashAndReset());
        Assert.True(streamed < ImageLength / 8, $"streaming allocated {streamed} bytes for a {ImageLength}-byte image");
        Assert.True(buffered >= ImageLength, $"generate allocated only {buffered} bytes, so the measurement cannot tell the two apart");
    }

    /// <summary>Hashes what is written instead of keeping it.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>Tests that measure process-wide allocation; they never run in parallel with anything.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GeminiAllocationGroup
{
    /// <summary>The collection name.</summary>
    public const string Name = "Gemini allocation";
}
