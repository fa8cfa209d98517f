namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>Values of <c>request_type</c>: how APIXO hands back the result.</summary>
public static class ApixoRequestTypes
{
    /// <summary>Poll <c>statusTask</c> for the result (the vendor's default).</summary>
    public const string Async = "async";

    /// <summary>APIXO POSTs the result to <c>callback_url</c>.</summary>
    public const string Callback = "callback";
}
