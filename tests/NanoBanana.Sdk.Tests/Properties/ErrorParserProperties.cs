using FsCheck;
using FsCheck.Fluent;

namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>Every provider's error parser given any error status with any body: always a <see cref="NanoBananaException"/>, never a success.</summary>
public sealed class ErrorParserProperties
{
    private static readonly int[] ErrorStatuses = [400, 401, 402, 403, 404, 405, 408, 409, 413, 422, 429, 500, 501, 502, 503, 504, 520];

    public static TheoryData<string> Providers => [.. BadInput.BadInputClients.Providers];

    [Theory]
    [MemberData(nameof(Providers))]
    public void An_error_status_with_any_body_is_a_nano_banana_exception(string provider)
    {
        var target = FuzzTarget.For(provider);
        var bodies = Gen.OneOf(FuzzGen.Bytes().Generator, FuzzGen.Json(target.Vocabulary, target.Seeds).Generator.Select(FuzzGen.Utf8));
        var answers = Gen.Elements(ErrorStatuses).SelectMany(_ => bodies, (status, body) => (Status: status, Body: body)).ToArbitrary();
        var surface = target.StatusOperationId is null ? "generate" : "start";

        PropertyCheck.ForAll(answers, answer => ParserOutcome.MustFailWithNanoBananaExceptionAsync(
            ct => target.CallAsync(surface, new FuzzResponseHandler(answer.Status, "application/json", answer.Body), ct)));
    }
}
