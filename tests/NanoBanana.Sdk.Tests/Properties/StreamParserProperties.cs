namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>The SSE parsers of the vendors that stream (nananobanana's events, Gemini's <c>streamGenerateContent</c>) given arbitrary streams.</summary>
public sealed class StreamParserProperties
{
    public static TheoryData<string> Streaming => ["NanaNanoBanana", "Gemini"];

    [Theory]
    [MemberData(nameof(Streaming))]
    public void Arbitrary_event_stream_text_ends_in_a_result_or_our_exception(string provider)
    {
        var target = FuzzTarget.For(provider);
        PropertyCheck.ForAll(FuzzGen.ServerSentEvents(target.Vocabulary, target.Seeds), text => ParserOutcome.MustEndInResultOrOurExceptionAsync(
            ct => target.CallAsync("stream", new FuzzResponseHandler(200, "text/event-stream", FuzzGen.Utf8(text)), ct)));
    }

    [Theory]
    [MemberData(nameof(Streaming))]
    public void Arbitrary_bytes_as_an_event_stream_end_in_a_result_or_our_exception(string provider)
    {
        var target = FuzzTarget.For(provider);
        PropertyCheck.ForAll(FuzzGen.Bytes(), body => ParserOutcome.MustEndInResultOrOurExceptionAsync(
            ct => target.CallAsync("stream", new FuzzResponseHandler(200, "text/event-stream", body), ct)));
    }
}
