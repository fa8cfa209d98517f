using System.Globalization;
using NanoBanana.Sdk.Benchmarks.Contenders;

namespace NanoBanana.Sdk.Benchmarks.Peak;

/// <summary>What one child process measures: a contender fetching an inline image, or the SDK saving one to a file.</summary>
/// <param name="Contender">The inline-image contender; <see langword="null"/> for the save-to-file case.</param>
/// <param name="ImageBytes">The image size.</param>
internal sealed record PeakCase(InlineImageContender? Contender, int ImageBytes)
{
    private const string SaveName = "SdkSaveToFile";

    /// <summary>The name on the command line and in the report.</summary>
    public string Name => Contender?.ToString() ?? SaveName;

    /// <summary>The child's arguments, e.g. <c>Sdk 25165824</c>.</summary>
    public string Arguments => Name + " " + ImageBytes.ToString(CultureInfo.InvariantCulture);

    public static PeakCase Parse(string name, string imageBytes) => new(
        name == SaveName ? null : Enum.Parse<InlineImageContender>(name),
        int.Parse(imageBytes, CultureInfo.InvariantCulture));
}
