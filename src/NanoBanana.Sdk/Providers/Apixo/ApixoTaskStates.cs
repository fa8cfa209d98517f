namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>Values of <c>state</c> in a task status.</summary>
public static class ApixoTaskStates
{
    /// <summary>Accepted, not yet running.</summary>
    public const string Pending = "pending";

    /// <summary>Running.</summary>
    public const string Processing = "processing";

    /// <summary>Finished; <c>resultJson</c> holds the image URLs.</summary>
    public const string Success = "success";

    /// <summary>Finished without images; <c>failCode</c> and <c>failMsg</c> say why.</summary>
    public const string Failed = "failed";
}
