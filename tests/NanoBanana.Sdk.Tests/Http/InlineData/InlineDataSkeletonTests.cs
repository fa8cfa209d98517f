using NanoBanana.Sdk.Http.InlineData;
using static NanoBanana.Sdk.Tests.Http.InlineData.InlineDataTestData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

public sealed class InlineDataSkeletonTests
{
    [Fact]
    public async Task The_skeleton_deserializes_with_a_placeholder_in_place_of_the_data()
    {
        var image = RandomBytes(50_000);

        var document = await ReadChunked(Body(image), 7, lengthKnown: true);

        var response = Deserialize(document);
        var parts = response.Candidates![0].Content!.Parts!;
        Assert.Equal("hi", parts[0].Text);
        Assert.Equal("image/png", parts[1].InlineData!.MimeType);
        Assert.Equal("#blob:0", parts[1].InlineData!.Data);
        Assert.Equal(5, response.UsageMetadata!.TotalTokenCount);
        Assert.True(document.TryGetBlob(parts[1].InlineData!.Data, out var blob));
        Assert.True(blob.Span.SequenceEqual(image));
    }

    [Fact]
    public async Task Data_no_longer_than_the_threshold_stays_in_the_skeleton()
    {
        var small = Convert.ToBase64String(RandomBytes(192)); // exactly 256 characters

        var document = await ReadChunked(Body(small), 7, lengthKnown: true);

        Assert.Empty(document.Blobs);
        var data = Deserialize(document).Candidates![0].Content!.Parts![1].InlineData!.Data!;
        Assert.Equal(small, data);
        Assert.False(document.TryGetBlob(data, out _));
        Assert.True(document.GetBytes(data).Span.SequenceEqual(RandomBytes(192)));
    }

    [Fact]
    public void Data_one_byte_over_the_threshold_is_lifted()
    {
        // 257 raw bytes: a trailing space, which the decoder skips, makes the length odd without breaking the base64.
        var document = InlineDataJsonReader.Read(Body(new string('A', 256) + " "), Options);

        Assert.Single(document.Blobs);
    }

    [Fact]
    public void Long_base64_under_another_name_stays_in_the_skeleton()
    {
        var signature = Convert.ToBase64String(RandomBytes(3000));
        var json = Utf8("{\"thoughtSignature\":\"" + signature + "\",\"metadata\":{\"data\":\"QUJD\"}}");

        var document = InlineDataJsonReader.Read(json, Options);

        Assert.Empty(document.Blobs);
        Assert.Equal(json, document.Skeleton.ToArray());
    }

    [Fact]
    public void A_property_name_inside_a_string_value_is_not_matched()
    {
        var json = Utf8("{\"text\":\"{\\\"data\\\":\\\"" + new string('A', 400) + "\\\"}\"}");

        var document = InlineDataJsonReader.Read(json, Options);

        Assert.Empty(document.Blobs);
        Assert.Equal(json, document.Skeleton.ToArray());
    }

    [Fact]
    public void Data_values_that_are_not_strings_pass_through()
    {
        var json = Utf8("{\"data\":{\"data\":[1,-2.5e3,true,null]},\"other\":{\"data\":null}}");

        var document = InlineDataJsonReader.Read(json, Options);

        Assert.Empty(document.Blobs);
        Assert.Equal(json, document.Skeleton.ToArray());
    }

    [Fact]
    public void Escapes_in_ordinary_strings_are_kept_verbatim_for_the_deserializer()
    {
        var json = Utf8("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a \\\"quote\\\",\\n caf\\u00e9 \\\\ done\"}]}}]}");

        var document = InlineDataJsonReader.Read(json, Options);

        Assert.Equal(json, document.Skeleton.ToArray());
        Assert.Equal("a \"quote\",\n café \\ done", Deserialize(document).Candidates![0].Content!.Parts![0].Text);
    }

    [Fact]
    public void Whitespace_between_tokens_is_dropped_from_the_skeleton()
    {
        var json = Utf8(" {\n  \"a\" : [ 1 , 2 ] ,\r\n\t\"b\" : \"x y\" } \n");

        var document = InlineDataJsonReader.Read(json, Options);

        Assert.Equal("{\"a\":[1,2],\"b\":\"x y\"}"u8.ToArray(), document.Skeleton.ToArray());
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8];

        var document = InlineDataJsonReader.Read(json, Options);

        Assert.Equal("{\"a\":1}"u8.ToArray(), document.Skeleton.ToArray());
    }
}
