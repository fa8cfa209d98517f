namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>
/// Every provider's response parsers (submit, status read, the whole generate call, and the typed client's own reads such
/// as models, credits, balances, files and batches) given arbitrary answers: each
/// ends in a result or in one of the SDK's exceptions, never a <see cref="NullReferenceException"/>, an
/// <see cref="InvalidCastException"/> or a loop without end.
/// </summary>
public sealed class ResponseParserProperties
{
    public static TheoryData<string, string> Surfaces => new()
    {
        { "NanaNanoBanana", "generate" }, { "NanaNanoBanana", "start" }, { "NanaNanoBanana", "status" },
        { "BananaPro", "generate" }, { "BananaPro", "start" }, { "BananaPro", "status" },
        { "AceData", "generate" }, { "AceData", "start" }, { "AceData", "status" },
        { "Apixo", "generate" }, { "Apixo", "start" }, { "Apixo", "status" },
        { "Gemini", "generate" },
        { "DreamToJobs", "generate" }, { "DreamToJobs", "start" }, { "DreamToJobs", "status" },
        { "NanaNanoBanana", "vendor" }, { "BananaPro", "vendor" }, { "AceData", "vendor" }, { "Apixo", "vendor" }, { "Gemini", "vendor" }, { "DreamToJobs", "vendor" },
    };

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void Arbitrary_bytes_as_a_successful_answer_end_in_a_result_or_our_exception(string provider, string surface)
    {
        var target = FuzzTarget.For(provider);
        PropertyCheck.ForAll(FuzzGen.Bytes(), body => ParserOutcome.MustEndInResultOrOurExceptionAsync(
            ct => target.CallAsync(surface, new FuzzResponseHandler(200, "application/json", body), ct)));
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void Arbitrary_json_as_a_successful_answer_ends_in_a_result_or_our_exception(string provider, string surface)
    {
        var target = FuzzTarget.For(provider);
        PropertyCheck.ForAll(FuzzGen.Json(target.Vocabulary, target.Seeds), json => ParserOutcome.MustEndInResultOrOurExceptionAsync(
            ct => target.CallAsync(surface, new FuzzResponseHandler(200, "application/json", FuzzGen.Utf8(json)), ct)));
    }
}
