using System.Buffers;
using NanoBanana.Sdk.Http.InlineData;
using static NanoBanana.Sdk.Tests.Http.InlineData.InlineDataTestData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

public sealed class Base64JsonDecoderTests
{
    [Fact]
    public void Every_split_into_two_pieces_decodes_like_one_piece()
    {
        foreach (var length in new[] { 1, 2, 3, 4, 5, 6, 31 })
        {
            var bytes = RandomBytes(length);
            var content = Utf8(Convert.ToBase64String(bytes).Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal)
                .Replace("=", "\\u003d", StringComparison.Ordinal).Insert(1, "\\r\\n"));
            for (var cut = 0; cut <= content.Length; cut++)
            {
                var decoder = default(Base64JsonDecoder);
                var output = new byte[length + 3];
                Assert.Equal(OperationStatus.Done, decoder.Decode(content.AsSpan(0, cut), output, out _, out var first));
                Assert.Equal(OperationStatus.Done, decoder.Decode(content.AsSpan(cut), output.AsSpan(first), out _, out var second));
                Assert.True(decoder.Complete(output.AsSpan(first + second), out var last));

                Assert.Equal(bytes, output.AsSpan(0, first + second + last).ToArray());
            }
        }
    }

    [Fact]
    public void A_full_destination_asks_for_more_room_without_losing_input()
    {
        var bytes = RandomBytes(1000);
        var content = Utf8(Convert.ToBase64String(bytes));
        var decoder = default(Base64JsonDecoder);
        var output = new List<byte>();
        var room = new byte[5];
        var rest = content.AsSpan();

        while (!rest.IsEmpty)
        {
            var status = decoder.Decode(rest, room, out var consumed, out var written);
            Assert.NotEqual(OperationStatus.InvalidData, status);
            output.AddRange(room.AsSpan(0, written).ToArray());
            rest = rest[consumed..];
        }

        Assert.True(decoder.Complete(room, out var last));
        output.AddRange(room.AsSpan(0, last).ToArray());
        Assert.Equal(bytes, output.ToArray());
    }
}
