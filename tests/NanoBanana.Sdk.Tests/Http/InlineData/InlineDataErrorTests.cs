using System.Text;
using NanoBanana.Sdk.Http.InlineData;
using static NanoBanana.Sdk.Tests.Http.InlineData.InlineDataTestData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

public sealed class InlineDataErrorTests
{
    private static async Task<InlineDataFormatException> ReadFails(byte[] body, bool lengthKnown = false, InlineDataReaderOptions? options = null) =>
        await Assert.ThrowsAsync<InlineDataFormatException>(async () => await ReadChunked(body, 4093, lengthKnown, options));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_cut_inside_the_data_is_reported_as_truncated(bool lengthKnown)
    {
        var body = Body(RandomBytes(100_000));
        var cut = body.AsSpan(0, body.Length / 2).ToArray();

        var error = await ReadFails(cut, lengthKnown);

        Assert.True(error.IsTruncated);
        Assert.Equal(cut.Length, error.Position);
        Assert.Contains("ended inside inline data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_after_the_data_is_reported_as_truncated()
    {
        var body = Body(RandomBytes(1000));
        var cut = body.AsSpan(0, body.Length - 3).ToArray(); // drops "}}" and more

        var error = await ReadFails(cut);

        Assert.True(error.IsTruncated);
        Assert.Contains("ended before the JSON document did", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_inside_an_ordinary_string_is_reported_as_truncated()
    {
        var error = await ReadFails(Utf8("{\"candidates\":[{\"text\":\"an unterminated"));

        Assert.True(error.IsTruncated);
        Assert.Contains("ended inside a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_reported_as_truncated()
    {
        var error = await ReadFails([]);

        Assert.True(error.IsTruncated);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_base64_character_is_reported_with_its_position()
    {
        var data = new StringBuilder(Convert.ToBase64String(RandomBytes(3000))) { [2000] = '*' }.ToString();
        var body = Body(data);
        var expected = Encoding.UTF8.GetString(body).IndexOf('*', StringComparison.Ordinal);

        var error = await ReadFails(body);

        Assert.False(error.IsTruncated);
        Assert.Equal(expected, error.Position);
        Assert.Contains("'*' is not a base64 character", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\b")]
    [InlineData("\\\\")]
    [InlineData("\\\"")]
    [InlineData("\\u00e9")]
    [InlineData("\\u00zz")]
    public async Task An_escape_that_cannot_stand_for_base64_is_rejected(string escape)
    {
        var data = Convert.ToBase64String(RandomBytes(3000)).Insert(1000, escape);

        var error = await ReadFails(Body(data));

        Assert.False(error.IsTruncated);
        Assert.Contains("not valid base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_after_the_padding_is_rejected()
    {
        var data = Convert.ToBase64String(RandomBytes(1000)) + "QUJD"; // 1000 bytes end in "=="

        var error = await ReadFails(Body(data));

        Assert.Contains("after its padding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_final_character_is_rejected()
    {
        var data = Convert.ToBase64String(RandomBytes(999)) + "Q";

        var error = await ReadFails(Body(data));

        Assert.Contains("single character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_is_rejected()
    {
        var body = Utf8(new string('[', 65) + new string(']', 65));

        var error = await ReadFails(body);

        Assert.Contains("deeper than 64", error.Message, StringComparison.Ordinal);
        Assert.Equal(64, error.Position);
    }

    [Fact]
    public async Task Nesting_up_to_the_limit_is_accepted()
    {
        var body = Utf8(new string('[', 64) + new string(']', 64));

        var document = await ReadChunked(body, 4093, lengthKnown: false);

        Assert.Equal(body, document.Skeleton.ToArray());
    }

    [Fact]
    public async Task A_skeleton_over_the_limit_is_rejected()
    {
        var body = Utf8("{\"text\":\"" + new string('x', 20_000) + "\"}");

        var error = await ReadFails(body, options: new InlineDataReaderOptions("data") { MaxSkeletonLength = 10_000 });

        Assert.Contains("exceeds the limit of 10000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decoded_data_over_the_limit_is_rejected()
    {
        var error = await ReadFails(Body(RandomBytes(100_000)), options: new InlineDataReaderOptions("data") { MaxDecodedLength = 50_000 });

        Assert.Contains("exceeds the limit of 50000 decoded bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_longer_than_its_declared_length_is_rejected()
    {
        var body = Body(RandomBytes(10_000));

        var error = await Assert.ThrowsAsync<InlineDataFormatException>(async () =>
            await InlineDataJsonReader.ReadAsync(new SizedChunkStream(body, 4093), body.Length - 100, Options, TestContext.Current.CancellationToken));

        Assert.Contains("longer than its declared", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\":1}}")]
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":\"x\ty\"}")]
    [InlineData("{\"a\":\"\\q\"}")]
    [InlineData("{\"a\":1}{}")]
    [InlineData("]")]
    public async Task Malformed_json_is_rejected(string json)
    {
        var error = await ReadFails(Utf8(json));

        Assert.False(error.IsTruncated);
    }

    [Fact]
    public async Task A_megabyte_body_takes_a_bounded_number_of_reads()
    {
        var body = Body(RandomBytes(1024 * 1024));
        var stream = new SizedChunkStream(body, 4093);

        await InlineDataJsonReader.ReadAsync(stream, null, Options, TestContext.Current.CancellationToken);

        Assert.Equal(((body.Length + 4092) / 4093) + 1, stream.Reads); // every chunk once, then the end
    }

    [Fact]
    public async Task A_truncated_megabyte_body_fails_after_a_bounded_number_of_reads()
    {
        var body = Body(RandomBytes(1024 * 1024)).AsSpan(0, 700_000).ToArray();
        var stream = new SizedChunkStream(body, 4093);

        await Assert.ThrowsAsync<InlineDataFormatException>(async () =>
            await InlineDataJsonReader.ReadAsync(stream, null, Options, TestContext.Current.CancellationToken));

        Assert.Equal(((body.Length + 4092) / 4093) + 1, stream.Reads);
    }
}
