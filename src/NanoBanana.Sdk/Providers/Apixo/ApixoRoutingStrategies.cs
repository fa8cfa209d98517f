namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>Values of the top-level <c>provider</c> field, APIXO's routing strategy. The vendor does not explain them beyond their names.</summary>
public static class ApixoRoutingStrategies
{
    /// <summary>Let APIXO choose (the vendor's default).</summary>
    public const string Auto = "auto";

    /// <summary>The lower-priced route.</summary>
    public const string Value = "value";

    /// <summary>The route through Google's official API.</summary>
    public const string Official = "official";

    internal static bool IsKnown(string value) => value is Auto or Value or Official;
}
