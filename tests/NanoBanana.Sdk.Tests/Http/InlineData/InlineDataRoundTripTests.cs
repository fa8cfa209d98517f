using System.Runtime.InteropServices;
using NanoBanana.Sdk.Http.InlineData;
using static NanoBanana.Sdk.Tests.Http.InlineData.InlineDataTestData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

public sealed class InlineDataRoundTripTests
{
    private static readonly InlineDataReaderOptions EveryValueIsABlob = new("data") { MinBlobLength = 0 };

    public static TheoryData<int, int, bool> Cases()
    {
        var cases = new TheoryData<int, int, bool>();
        foreach (var size in new[] { 0, 1, 2, 3, 100, 1024 * 1024, 5 * 1024 * 1024 })
        {
            foreach (var chunk in new[] { 1, 7, 4093 })
            {
                cases.Add(size, chunk, true);
                cases.Add(size, chunk, false);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Data_decodes_to_the_original_bytes_whatever_the_chunking(int size, int chunkSize, bool lengthKnown)
    {
        var image = RandomBytes(size);

        var document = await ReadChunked(Body(image), chunkSize, lengthKnown, EveryValueIsABlob);

        var data = Deserialize(document).Candidates![0].Content!.Parts![1].InlineData!.Data!;
        Assert.Equal(size == 0 ? 0 : 1, document.Blobs.Count); // "" is not longer than 0: it stays inline
        Assert.True(document.GetBytes(data).Span.SequenceEqual(image));
    }

    [Fact]
    public void An_in_memory_document_decodes_to_the_original_bytes()
    {
        var image = RandomBytes(300_000);

        var document = InlineDataJsonReader.Read(Body(image), Options);

        Assert.True(document.Blobs[0].Span.SequenceEqual(image));
    }

    [Fact]
    public void An_in_memory_document_whose_base64_outgrows_the_skeleton_limit_decodes()
    {
        var image = RandomBytes(64 * 1024);

        var document = InlineDataJsonReader.Read(Body(image), new InlineDataReaderOptions("data") { MaxSkeletonLength = 4096 });

        Assert.True(document.Blobs[0].Span.SequenceEqual(image));
        Assert.True(document.Skeleton.Length < 4096);
    }

    [Fact]
    public void An_escape_that_carries_a_value_past_the_lift_threshold_decodes()
    {
        var base64 = new string('A', 256) + "/AAA";

        var document = InlineDataJsonReader.Read(Body(base64.Replace("/", "\\/", StringComparison.Ordinal)), Options);

        Assert.Equal(Convert.FromBase64String(base64), Assert.Single(document.Blobs).ToArray());
    }

    [Fact]
    public async Task Two_image_parts_become_two_blobs_in_document_order()
    {
        var (first, second) = (RandomBytes(10_000), RandomBytes(20_000));

        var document = await ReadChunked(TwoImageBody(first, second), 4093, lengthKnown: false);

        Assert.Equal(2, document.Blobs.Count);
        Assert.True(document.Blobs[0].Span.SequenceEqual(first));
        Assert.True(document.Blobs[1].Span.SequenceEqual(second));
        var parts = Deserialize(document).Candidates![0].Content!.Parts!;
        Assert.Equal("#blob:0", parts[0].InlineData!.Data);
        Assert.Equal("#blob:1", parts[2].InlineDataSnakeCase!.Data);
        Assert.Equal("image/jpeg", parts[2].InlineDataSnakeCase!.MimeTypeSnakeCase);
    }

    [Fact]
    public async Task With_a_known_length_every_blob_is_a_slice_of_one_shared_array()
    {
        var (first, second) = (RandomBytes(10_000), RandomBytes(20_000));
        var body = TwoImageBody(first, second);

        var document = await ReadChunked(body, 4093, lengthKnown: true);

        Assert.True(MemoryMarshal.TryGetArray(document.Blobs[0], out var a));
        Assert.True(MemoryMarshal.TryGetArray(document.Blobs[1], out var b));
        Assert.Same(a.Array, b.Array);
        Assert.Equal(a.Offset + a.Count, b.Offset);
        Assert.Equal((body.Length * 3 / 4) + 3, a.Array!.Length);
    }

    [Fact]
    public async Task With_an_unknown_length_every_blob_is_its_own_exact_array()
    {
        var (first, second) = (RandomBytes(100_000), RandomBytes(3_000_000));

        var document = await ReadChunked(TwoImageBody(first, second), 4093, lengthKnown: false);

        Assert.All(document.Blobs, blob =>
        {
            Assert.True(MemoryMarshal.TryGetArray(blob, out var segment));
            Assert.Equal(0, segment.Offset);
            Assert.Equal(segment.Array!.Length, segment.Count);
        });
        Assert.Equal(3_000_000, document.Blobs[1].Length);
    }
}
