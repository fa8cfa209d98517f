using System.Globalization;

namespace NanoBanana.Cli.Progress;

/// <summary>The number formats progress lines share, culture-independent so logs read the same everywhere.</summary>
internal static class ProgressText
{
    public static string PercentColumn(int? percent) =>
        percent is { } value ? value.ToString(CultureInfo.InvariantCulture).PadLeft(3) + "%" : "  ?%";

    public static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };
}
