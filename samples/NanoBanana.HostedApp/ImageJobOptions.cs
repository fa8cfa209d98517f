namespace NanoBanana.HostedApp;

/// <summary>What <see cref="ImageJob"/> generates and where it saves it; bound from the <c>ImageJob</c> section.</summary>
internal sealed class ImageJobOptions
{
    /// <summary>The prompt.</summary>
    public string Prompt { get; set; } = "a watercolor fox in a snowy forest";

    /// <summary>The folder the image is saved in, relative to the current directory.</summary>
    public string OutputFolder { get; set; } = "out";
}
