using System.ComponentModel;
using System.Globalization;

namespace NanoBanana.Sdk;

/// <summary>
/// The shape of the image as <c>width:height</c>. The known values are static members; any other string is kept
/// as given so that ratios a vendor adds later still pass through.
/// </summary>
public readonly struct AspectRatio : IEquatable<AspectRatio>
{
    private readonly string? _value;

    /// <summary>Creates an aspect ratio from its wire value, for example <c>16:9</c>.</summary>
    /// <param name="value">The value; must not be empty.</param>
    public AspectRatio(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Square, 1:1.</summary>
    public static AspectRatio Square { get; } = new("1:1");
    /// <summary>Portrait 2:3.</summary>
    public static AspectRatio Portrait2x3 { get; } = new("2:3");
    /// <summary>Landscape 3:2.</summary>
    public static AspectRatio Landscape3x2 { get; } = new("3:2");
    /// <summary>Portrait 3:4.</summary>
    public static AspectRatio Portrait3x4 { get; } = new("3:4");
    /// <summary>Landscape 4:3.</summary>
    public static AspectRatio Landscape4x3 { get; } = new("4:3");
    /// <summary>Portrait 4:5.</summary>
    public static AspectRatio Portrait4x5 { get; } = new("4:5");
    /// <summary>Landscape 5:4.</summary>
    public static AspectRatio Landscape5x4 { get; } = new("5:4");
    /// <summary>Portrait 9:16.</summary>
    public static AspectRatio Portrait9x16 { get; } = new("9:16");
    /// <summary>Landscape 16:9.</summary>
    public static AspectRatio Landscape16x9 { get; } = new("16:9");
    /// <summary>Ultra-wide 21:9.</summary>
    public static AspectRatio Landscape21x9 { get; } = new("21:9");
    /// <summary>Tall 1:4 (Gemini 3.1 Flash Image).</summary>
    public static AspectRatio Portrait1x4 { get; } = new("1:4");
    /// <summary>Wide 4:1 (Gemini 3.1 Flash Image).</summary>
    public static AspectRatio Landscape4x1 { get; } = new("4:1");
    /// <summary>Very tall 1:8 (Gemini 3.1 Flash Image).</summary>
    public static AspectRatio Portrait1x8 { get; } = new("1:8");
    /// <summary>Very wide 8:1 (Gemini 3.1 Flash Image).</summary>
    public static AspectRatio Landscape8x1 { get; } = new("8:1");
    /// <summary>Let the model choose (or follow the reference image).</summary>
    public static AspectRatio Auto { get; } = new("auto");

    /// <summary>The fourteen ratios Nano Banana models document, in a stable order.</summary>
    public static IReadOnlyList<AspectRatio> KnownRatios { get; } =
    [
        Square, Portrait2x3, Landscape3x2, Portrait3x4, Landscape4x3, Portrait4x5, Landscape5x4,
        Portrait9x16, Landscape16x9, Landscape21x9, Portrait1x4, Landscape4x1, Portrait1x8, Landscape8x1,
    ];

    /// <summary>The wire value.</summary>
    public string Value => _value ?? Square._value!;

    /// <summary>Reads the width and height terms of a <c>W:H</c> value.</summary>
    /// <param name="width">The width term.</param>
    /// <param name="height">The height term.</param>
    /// <returns><see langword="true"/> when the value has the <c>W:H</c> form with positive whole numbers.</returns>
    public bool TryGetTerms(out int width, out int height)
    {
        width = height = 0;
        var parts = Value.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width > 0 && height > 0;
    }

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AspectRatio left, AspectRatio right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AspectRatio left, AspectRatio right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator AspectRatio(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AspectRatio other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is AspectRatio other && Equals(other);
    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc/>
    public override string ToString() => Value;
}
