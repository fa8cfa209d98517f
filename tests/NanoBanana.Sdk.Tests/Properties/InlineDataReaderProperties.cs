using FsCheck;
using FsCheck.Fluent;
using NanoBanana.Sdk.Http.InlineData;
using NanoBanana.Sdk.Providers.Gemini;

namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>
/// The zero-copy inline-data reader (Http/InlineData) given arbitrary bodies, read in odd-sized pieces with a declared
/// length that may be right, short or long: it returns a document or throws <see cref="InlineDataFormatException"/>.
/// </summary>
public sealed class InlineDataReaderProperties
{
    /// <summary>Blobs from four characters on, so short generated strings take the decoding path too.</summary>
    private static readonly InlineDataReaderOptions Options = new("data", "bytesBase64Encoded") { MinBlobLength = 4 };

    private static readonly FuzzTarget Gemini = FuzzTarget.For(GeminiImageClient.ProviderId);

    [Fact]
    public void Arbitrary_bytes_end_in_a_document_or_an_inline_data_format_exception() =>
        PropertyCheck.ForAll(WithDeclaredLength(FuzzGen.Bytes().Generator), input => ParserOutcome.MustEndInResultOrOurExceptionAsync(ct => ReadAsync(input, ct)));

    [Fact]
    public void Arbitrary_json_with_base64_fields_ends_in_a_document_or_an_inline_data_format_exception() =>
        PropertyCheck.ForAll(
            WithDeclaredLength(FuzzGen.Json(Gemini.Vocabulary, Gemini.Seeds).Generator.Select(FuzzGen.Utf8)),
            input => ParserOutcome.MustEndInResultOrOurExceptionAsync(ct => ReadAsync(input, ct)));

    [Fact]
    public void Arbitrary_bytes_read_from_memory_end_in_a_document_or_an_inline_data_format_exception() =>
        PropertyCheck.ForAll(FuzzGen.Bytes(), body => ParserOutcome.MustEndInResultOrOurExceptionAsync(_ =>
        {
            var document = InlineDataJsonReader.Read(body, Options);
            TouchBlobs(document);
            return Task.CompletedTask;
        }));

    private static Arbitrary<(byte[] Body, long? Declared)> WithDeclaredLength(Gen<byte[]> bodies) =>
        bodies.SelectMany(
            body => Gen.Elements<long?>(null, body.Length, Math.Max(0, body.Length - 1), body.Length + 1),
            (body, declared) => (Body: body, Declared: declared)).ToArbitrary();

    private static async Task ReadAsync((byte[] Body, long? Declared) input, CancellationToken cancellationToken)
    {
        var document = await InlineDataJsonReader.ReadAsync(new ChunkedStream(input.Body), input.Declared, Options, cancellationToken);
        TouchBlobs(document);
    }

    /// <summary>Reads every blob back through its placeholder, as the mappers do.</summary>
    private static void TouchBlobs(InlineDataDocument document)
    {
        for (var i = 0; i < document.Blobs.Count; i++)
        {
            document.TryGetBlob(InlineDataDocument.PlaceholderPrefix + i, out _);
        }
    }
}
